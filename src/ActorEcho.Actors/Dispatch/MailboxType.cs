namespace ActorEcho.Actors.Dispatch;

/// <summary>Which kind of mailbox an actor gets (see <c>Props.WithMailbox</c>).</summary>
public abstract record MailboxType
{
    private protected MailboxType()
    {
    }

    /// <summary>
    /// Resolves a mailbox by name: <c>unbounded</c>, <c>bounded</c> (capacity
    /// <paramref name="defaultBoundedCapacity"/>) or <c>bounded:N</c>.
    /// </summary>
    public static MailboxType Parse(string name, int defaultBoundedCapacity)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        if (trimmed.Equals("unbounded", StringComparison.OrdinalIgnoreCase))
        {
            return UnboundedMailbox.Instance;
        }

        if (trimmed.Equals("bounded", StringComparison.OrdinalIgnoreCase))
        {
            return new BoundedMailbox(defaultBoundedCapacity);
        }

        if (trimmed.StartsWith("bounded:", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(trimmed.AsSpan(8), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var capacity)
            && capacity > 0)
        {
            return new BoundedMailbox(capacity);
        }

        throw new ArgumentException($"unknown mailbox '{name}': expected 'unbounded', 'bounded' or 'bounded:CAPACITY' with CAPACITY > 0", nameof(name));
    }
}

/// <summary>The default: grows as needed; a sender never waits and nothing is dropped.</summary>
public sealed record UnboundedMailbox : MailboxType
{
    private UnboundedMailbox()
    {
    }

    /// <summary>The single instance.</summary>
    public static UnboundedMailbox Instance { get; } = new();
}

/// <summary>
/// Holds at most <see cref="Capacity"/> user messages. A message that arrives when it is full goes
/// to dead letters at once: a sender, and so a thread-pool thread, never blocks on a full mailbox.
/// System messages (supervision, DeathWatch) are never counted or dropped.
/// </summary>
/// <param name="Capacity">The most user messages queued at once; greater than zero.</param>
public sealed record BoundedMailbox(int Capacity) : MailboxType
{
    /// <summary>The most user messages queued at once.</summary>
    public int Capacity { get; } = Capacity > 0 ? Capacity : throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "capacity must be greater than zero");
}
