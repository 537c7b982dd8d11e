namespace ActorEcho.Actors;

/// <summary>
/// An actor with one <see cref="OnReceive"/> method that sees every message. Call
/// <c>Unhandled(message)</c> for messages it does not understand.
/// </summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles one message.</summary>
    protected abstract void OnReceive(object message);

    /// <summary>Replaces the behaviour with <paramref name="receive"/> (which must call <c>Unhandled</c> itself).</summary>
    protected void Become(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.Become(m =>
        {
            receive(m);
            return true;
        });
    }

    /// <summary>Pushes <paramref name="receive"/> as the behaviour; <see cref="UnbecomeStacked"/> pops it.</summary>
    protected void BecomeStacked(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.BecomeStacked(m =>
        {
            receive(m);
            return true;
        });
    }

    /// <summary>Returns to the behaviour before the last <see cref="BecomeStacked"/>.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    internal override Receive InitialBehavior() => m =>
    {
        OnReceive(m);
        return true;
    };
}
