namespace ActorEcho.Actors.Events;

/// <summary>
/// Marks messages whose loss is expected and not worth a log line (they are still published as
/// <see cref="DeadLetter"/> on the event stream).
/// </summary>
#pragma warning disable CA1040 // A marker interface is the point: message types opt in by declaration.
public interface IDeadLetterSuppression
{
}
#pragma warning restore CA1040
