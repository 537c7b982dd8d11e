namespace ActorEcho.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor (or inside
/// <see cref="Become"/>): the first handler whose type and predicate match the message handles it;
/// a message no handler matches goes to <c>Unhandled</c>.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly ReceiveBehavior _initial = new();
    private ReceiveBehavior? _building;

    /// <summary>Starts collecting the initial behaviour's handlers.</summary>
    protected ReceiveActor()
    {
        _building = _initial;
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> (for which <paramref name="shouldHandle"/> holds, when given).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> holds.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Receive(handler, shouldHandle);
    }

    /// <summary>Offers messages of type <typeparamref name="T"/> to <paramref name="handler"/>, which returns whether it handled them.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new FuncHandler<T>(handler));
    }

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously. The mailbox is held until the
    /// returned task completes: no other message is processed meanwhile, and every continuation of
    /// the handler runs inside the actor (so it may touch the actor's state and use <c>Sender</c>).
    /// A faulted task fails the actor like a thrown exception.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new AsyncHandler<T>(this, handler, shouldHandle));
    }

    /// <summary>Handles any message not handled by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Receive(handler);

    /// <summary>Handles any message not handled by an earlier handler, asynchronously (see <see cref="ReceiveAsync{T}"/>).</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => ReceiveAsync(handler);

    /// <summary>Replaces the behaviour with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Context.Become(Build(configure));

    /// <summary>Pushes the behaviour that <paramref name="configure"/> registers; <see cref="UnbecomeStacked"/> pops it.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Build(configure));

    /// <summary>Returns to the behaviour before the last <see cref="BecomeStacked"/>.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    internal override Receive InitialBehavior()
    {
        // Registration is over once the constructor has run.
        _building = null;
        return _initial.Receive;
    }

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var behavior = new ReceiveBehavior();
        var previous = _building;
        _building = behavior;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        return behavior.Receive;
    }

    private ReceiveBehavior Building() => _building
        ?? throw new InvalidOperationException("Receive handlers can only be registered in the constructor or inside Become/BecomeStacked");

    private sealed class ReceiveBehavior
    {
        private Handler[] _handlers = [];

        public ReceiveBehavior()
        {
            Receive = TryHandle;
        }

        public Receive Receive { get; }

        public void Add(Handler handler) => _handlers = [.. _handlers, handler];

        private bool TryHandle(object message)
        {
            foreach (var h in _handlers)
            {
                if (h.TryHandle(message))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class ActionHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                handler(typed);
                return true;
            }

            return false;
        }
    }

    private sealed class FuncHandler<T>(Func<T, bool> handler) : Handler
    {
        public override bool TryHandle(object message) => message is T typed && handler(typed);
    }

    private sealed class AsyncHandler<T>(ReceiveActor actor, Func<T, Task> handler, Predicate<T>? shouldHandle) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                actor.Cell.RunAsync(static state =>
                {
                    var (h, m) = ((Func<T, Task>, T))state!;
                    return h(m);
                }, (handler, typed));
                return true;
            }

            return false;
        }
    }
}
