using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors.Cell;

// The children container. Guarded by a lock on the extras object because guardians are given
// children by callers on other threads (ActorSystem.ActorOf); everything else happens on the
// cell's own thread, so the lock is uncontended in practice. A child costs one dictionary entry:
// the stopping set and the restart statistics hold only the children that need them.
internal sealed partial class ActorCell
{
    private const string NameSymbols = "-_.*$+:@&=,!~';";

    public IReadOnlyCollection<IActorRef> Children => LiveChildren();

    public IActorRef? Child(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var extras = _extras;
        if (extras?.Children is null)
        {
            return null;
        }

        lock (extras)
        {
            return extras.Children.TryGetValue(name, out var child) && !IsStopping(extras, child) ? child : null;
        }
    }

    public IActorRef ActorOf(Props props, string? name = null) => AttachChild(props, name);

    internal LocalActorRef AttachChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        var extras = Extras;
        name = name is null ? NextRandomName(extras) : ValidateName(name);
        var child = new ActorCell(_system, props, _self, _self.Path / name);
        lock (extras)
        {
            extras.Children ??= new Dictionary<string, LocalActorRef>(StringComparer.Ordinal);
            if (!extras.Children.TryAdd(name, child.SelfRef))
            {
                throw new InvalidActorNameException($"actor name [{name}] is not unique among the children of {_self.Path}");
            }
        }

        child.Start();
        if (_terminating)
        {
            // A child born while its parent stops would keep the parent waiting forever.
            StopChild(child.SelfRef);
        }

        return child.SelfRef;
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (ReferenceEquals(actor, _self))
        {
            PostSystem(new Terminate());
        }
        else if (FindChild(actor) is not null)
        {
            StopChild(actor);
        }
        else if (actor is IInternalActorRef other)
        {
            other.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>Stops a child and counts it as stopping (restart and stop wait for it). Idempotent.</summary>
    internal void StopChild(IActorRef child)
    {
        var extras = Extras;
        lock (extras)
        {
            if (extras.Children is null || !extras.Children.TryGetValue(child.Path.Name, out var known) || !ReferenceEquals(known, child))
            {
                return;
            }

            var stopping = extras.StoppingChildren ??= new HashSet<IActorRef>(ReferenceEqualityComparer.Instance);
            if (!stopping.Add(child))
            {
                return; // already told to stop
            }
        }

        ((IInternalActorRef)child).SendSystemMessage(new Terminate());
    }

    /// <summary>
    /// The child behind <paramref name="child"/> if it is ours; with <paramref name="activeOnly"/>,
    /// only if it was not told to stop either.
    /// </summary>
    private LocalActorRef? FindChild(IActorRef child, bool activeOnly = false)
    {
        var extras = _extras;
        if (extras?.Children is null)
        {
            return null;
        }

        lock (extras)
        {
            return extras.Children.TryGetValue(child.Path.Name, out var known) && ReferenceEquals(known, child)
                && !(activeOnly && IsStopping(extras, known))
                ? known
                : null;
        }
    }

    /// <summary>Whether this live child was told to stop; callers hold the lock.</summary>
    private static bool IsStopping(CellExtras extras, IActorRef child) => extras.StoppingChildren?.Contains(child) == true;

    /// <summary>A child's restart statistics, created at its first failure; callers hold the lock.</summary>
    private static ChildRestartStats StatsOf(CellExtras extras, LocalActorRef child)
    {
        var stats = extras.ChildStats ??= new Dictionary<IActorRef, ChildRestartStats>(ReferenceEqualityComparer.Instance);
        if (!stats.TryGetValue(child, out var found))
        {
            stats[child] = found = new ChildRestartStats(child);
        }

        return found;
    }

    /// <summary>Removes a dead child; says whether it was ours.</summary>
    private bool RemoveChild(IActorRef child)
    {
        var extras = _extras;
        if (extras?.Children is null)
        {
            return false;
        }

        lock (extras)
        {
            if (!extras.Children.TryGetValue(child.Path.Name, out var known) || !ReferenceEquals(known, child))
            {
                return false;
            }

            extras.Children.Remove(child.Path.Name);
            extras.StoppingChildren?.Remove(child);
            extras.ChildStats?.Remove(child);
            return true;
        }
    }

    private IInternalActorRef[] LiveChildren()
    {
        var extras = _extras;
        if (extras?.Children is not { Count: > 0 })
        {
            return [];
        }

        lock (extras)
        {
            var list = new List<IInternalActorRef>(extras.Children.Count);
            foreach (var child in extras.Children.Values)
            {
                if (!IsStopping(extras, child))
                {
                    list.Add(child);
                }
            }

            return [.. list];
        }
    }

    /// <summary>The restart statistics of every child not told to stop (created for those that had none).</summary>
    private ChildRestartStats[] ChildStats()
    {
        var extras = _extras;
        if (extras?.Children is null)
        {
            return [];
        }

        lock (extras)
        {
            return extras.Children.Values.Where(c => !IsStopping(extras, c)).Select(c => StatsOf(extras, c)).ToArray();
        }
    }

    /// <summary>The restart statistics of one child, created at its first failure.</summary>
    private ChildRestartStats ChildStatsOf(LocalActorRef child)
    {
        var extras = Extras;
        lock (extras)
        {
            return StatsOf(extras, child);
        }
    }

    private int ChildCount
    {
        get
        {
            var extras = _extras;
            if (extras?.Children is null)
            {
                return 0;
            }

            lock (extras)
            {
                return extras.Children.Count;
            }
        }
    }

    private static string NextRandomName(CellExtras extras)
    {
        // Akka-style generated names: "$" and a base-64 counter ($a, $b, ... $ba, ...).
        const string digits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
        var n = Interlocked.Increment(ref extras.NextNameId) - 1;
        Span<char> buffer = stackalloc char[12];
        var pos = buffer.Length;
        do
        {
            buffer[--pos] = digits[(int)(n & 63)];
            n >>= 6;
        }
        while (n != 0);
        buffer[--pos] = '$';
        return new string(buffer[pos..]);
    }

    internal static string ValidateName(string name)
    {
        if (name.Length == 0)
        {
            throw new InvalidActorNameException("actor name must not be empty");
        }

        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"actor name [{name}] must not start with '$' (reserved for generated names)");
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !NameSymbols.Contains(c, StringComparison.Ordinal))
            {
                throw new InvalidActorNameException($"actor name [{name}] contains '{c}'; use ASCII letters, digits and {NameSymbols}");
            }
        }

        return name;
    }
}
