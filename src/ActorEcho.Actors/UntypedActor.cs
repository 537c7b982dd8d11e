namespace ActorEcho.Actors;

/// <summary>
/// An actor with one <see cref="OnReceive"/> method that sees every message. Call
/// <c>Unhandled(message)</c> for messages it does not understand.
/// </summary>
public abstract class UntypedActor : ActorBase
{
    // One dispatching delegate per instance, calling _receive (or OnReceive while it is null).
    // A plain Become only swaps _receive, so an actor that changes state (every socket connection
    // does, at Register) keeps no wrapper closure per state. Once behaviours are stacked, Become
    // wraps as before, so a popped behaviour is exactly the one that was pushed.
    private Action<object>? _receive;
    private Receive? _dispatch;

    /// <summary>Handles one message.</summary>
    protected abstract void OnReceive(object message);

    /// <summary>Replaces the behaviour with <paramref name="receive"/> (which must call <c>Unhandled</c> itself).</summary>
    protected void Become(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        if (!Cell.HasStackedBehaviors)
        {
            _receive = receive;
            Context.Become(Dispatch());
            return;
        }

        Context.Become(Wrap(receive));
    }

    /// <summary>Pushes <paramref name="receive"/> as the behaviour; <see cref="UnbecomeStacked"/> pops it.</summary>
    protected void BecomeStacked(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.BecomeStacked(Wrap(receive));
    }

    /// <summary>Returns to the behaviour before the last <see cref="BecomeStacked"/>.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    internal override Receive InitialBehavior()
    {
        // A restart builds a new instance, whose fields start over: back to OnReceive.
        return Dispatch();
    }

    private Receive Dispatch() => _dispatch ??= m =>
    {
        if (_receive is { } receive)
        {
            receive(m);
        }
        else
        {
            OnReceive(m);
        }

        return true;
    };

    private static Receive Wrap(Action<object> receive) => m =>
    {
        receive(m);
        return true;
    };
}
