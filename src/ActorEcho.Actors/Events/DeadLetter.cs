namespace ActorEcho.Actors.Events;

/// <summary>
/// Published on the event stream for every message that could not be delivered: its recipient had
/// stopped, or a bounded mailbox was full.
/// </summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">Who sent it, if anyone.</param>
/// <param name="Recipient">Who it was for.</param>
public sealed record DeadLetter(object Message, IActorRef? Sender, IActorRef Recipient);
