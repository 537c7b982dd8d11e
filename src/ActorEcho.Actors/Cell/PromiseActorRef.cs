namespace ActorEcho.Actors.Cell;

/// <summary>
/// A one-shot temporary reference used by Ask and GracefulStop: the first message told to it (or
/// the death of the actor it watches) completes its task. It is not an actor and has no mailbox.
/// </summary>
internal sealed class PromiseActorRef(ActorPath path) : IInternalActorRef
{
    private readonly TaskCompletionSource<object> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ActorPath Path { get; } = path;

    public Task<object> Task => _promise.Task;

    public bool IsTerminated => _promise.Task.IsCompleted;

    public void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        _promise.TrySetResult(message);
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification d)
        {
            _promise.TrySetResult(new Terminated(d.Actor, d.ExistenceConfirmed));
        }
    }

    public bool Fail(Exception cause) => _promise.TrySetException(cause);

    public bool Cancel(CancellationToken token) => _promise.TrySetCanceled(token);

    public override string ToString() => $"[{Path}]";
}
