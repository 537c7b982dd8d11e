namespace ActorEcho.TestKit.Internal;

/// <summary>
/// The actor behind <c>TestActor</c> and every probe: it queues each message with its sender for
/// the expectations. It handles <see cref="Terminated"/> by queueing it too, so watching never
/// fails it with a death pact.
/// </summary>
internal sealed class TestActor(MessageQueue queue, Func<object, bool> ignore) : UntypedActor
{
    protected override void OnReceive(object message)
    {
        if (message is TestActorCommand command)
        {
            if (command.Kind == TestActorCommandKind.Watch)
            {
                Context.Watch(command.Target);
            }
            else
            {
                Context.Unwatch(command.Target);
            }

            command.Done.TrySetResult();
            return;
        }

        if (ignore(message))
        {
            return;
        }

        queue.Enqueue(new MessageEnvelope(message, Sender));
    }
}
