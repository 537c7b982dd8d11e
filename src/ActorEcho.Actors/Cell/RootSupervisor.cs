using ActorEcho.Actors.Logging;

namespace ActorEcho.Actors.Cell;

/// <summary>
/// The parent of the root guardian: the end of the supervision chain. A failure that reaches it
/// stops the root (and so the system); the root's death completes <c>WhenTerminated</c>.
/// </summary>
internal sealed class RootSupervisor(ActorSystem system, ActorPath path) : IInternalActorRef
{
    public ActorPath Path { get; } = path;

    public bool IsTerminated => system.WhenTerminated.IsCompleted;

    public void Tell(object message, IActorRef? sender) => system.PublishDeadLetter(message, sender, this);

    public void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed f:
                KernelLog.GuardianFailed(system.KernelLogger, f.Cause, f.Child.Path.ToString());
                ((IInternalActorRef)f.Child).SendSystemMessage(new Terminate());
                break;
            case DeathWatchNotification:
                system.OnRootTerminated();
                break;
            default:
                break;
        }
    }

    public override string ToString() => $"[{Path}]";
}
