using ActorEcho.Actors.Events;

namespace ActorEcho.TestKit.Logging;

/// <summary>
/// Subscribed to <see cref="DeadLetter"/> on the event stream so dead-letter filters see every one
/// synchronously, in publishing order. It is a plain reference, not an actor: it needs no mailbox
/// and stays subscribed until the system is gone.
/// </summary>
internal sealed class DeadLetterListener(TestLogSink sink, ActorPath path, IActorRef deadLetters) : IActorRef
{
    public ActorPath Path => path;

    public void Tell(object message, IActorRef? sender)
    {
        if (message is DeadLetter letter)
        {
            // A letter addressed to dead letters itself is an actor answering a message that had
            // no sender: the classic reason an expected reply never reaches the test actor.
            sink.Record(letter, isLostReply: letter.Sender is not null && ReferenceEquals(letter.Recipient, deadLetters));
        }
    }

    public override string ToString() => $"[{path}]";
}
