using System.Reflection;
using ActorEcho.Actors.Dispatch;
using ActorEcho.Actors.Supervision;

namespace ActorEcho.Actors;

/// <summary>
/// An immutable recipe for creating an actor: how to build an instance (again, on every restart),
/// which mailbox it gets and, optionally, the strategy it uses to supervise its own children.
/// </summary>
public sealed record Props
{
    private Props(Type actorType, Func<ActorBase> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    /// <summary>The actor's class.</summary>
    public Type ActorType { get; }

    /// <summary>Builds a new instance; called on creation and on each restart.</summary>
    public Func<ActorBase> Factory { get; }

    /// <summary>Overrides the actor's own <c>SupervisorStrategy()</c> when set.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>The mailbox; null means the system default (<c>actorecho.actor.default-mailbox</c>).</summary>
    public MailboxType? Mailbox { get; init; }

    /// <summary>Props for <typeparamref name="T"/> built with its parameterless constructor.</summary>
    public static Props Create<T>()
        where T : ActorBase, new() => new(typeof(T), static () => new T());

    /// <summary>Props for an actor built by <paramref name="factory"/>, e.g. <c>Props.Create(() => new Session(conn))</c>.</summary>
    public static Props Create<T>(Func<T> factory)
        where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(typeof(T), factory);
    }

    /// <summary>
    /// Props for <typeparamref name="T"/> built with the public constructor that accepts
    /// <paramref name="args"/>. The constructor is looked up now, so a mismatch fails here, not at spawn.
    /// </summary>
    public static Props Create<T>(params object?[] args)
        where T : ActorBase => Create(typeof(T), args);

    /// <summary>Props for <paramref name="actorType"/> built with the constructor that accepts <paramref name="args"/>.</summary>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        args ??= [null];
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"{actorType} is not a concrete actor type (it must derive from ActorBase)", nameof(actorType));
        }

        var ctor = FindConstructor(actorType, args);
        var captured = (object?[])args.Clone();
        return new(actorType, () =>
        {
            try
            {
                return (ActorBase)ctor.Invoke(captured);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        });
    }

    /// <summary>A copy that uses <paramref name="strategy"/> for the actor's children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => this with { SupervisorStrategy = strategy };

    /// <summary>A copy with the given mailbox.</summary>
    public Props WithMailbox(MailboxType mailbox) => this with { Mailbox = mailbox };

    /// <summary>A copy with the mailbox named <c>unbounded</c>, <c>bounded</c> or <c>bounded:N</c> (see <see cref="MailboxType.Parse"/>).</summary>
    public Props WithMailbox(string mailbox) => this with { Mailbox = MailboxType.Parse(mailbox, ActorSystemSettings.Default.BoundedMailboxCapacity) };

    private static ConstructorInfo FindConstructor(Type type, object?[] args)
    {
        var matches = type.GetConstructors()
            .Where(c =>
            {
                var ps = c.GetParameters();
                return ps.Length == args.Length && ps.Zip(args).All(p => p.Second is null
                    ? !p.First.ParameterType.IsValueType || Nullable.GetUnderlyingType(p.First.ParameterType) is not null
                    : p.First.ParameterType.IsInstanceOfType(p.Second));
            })
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException($"{type.Name} has no public constructor taking ({string.Join(", ", args.Select(a => a?.GetType().Name ?? "null"))})", nameof(args)),
            _ => throw new ArgumentException($"{type.Name} has {matches.Count} public constructors matching ({string.Join(", ", args.Select(a => a?.GetType().Name ?? "null"))}); use Props.Create(() => new {type.Name}(...))", nameof(args)),
        };
    }
}
