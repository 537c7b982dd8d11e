using ActorEcho.Actors.Cell;

namespace ActorEcho.Actors;

/// <summary>Request/response on top of Tell.</summary>
public static class Futures
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and returns its first reply. A
    /// <see cref="Status.Failure"/> reply fails the task with its cause; no reply within
    /// <paramref name="timeout"/> (default <c>actorecho.actor.ask-timeout</c>) fails it with an
    /// <see cref="AskTimeoutException"/> that names the target and the message type.
    /// </summary>
    public static async Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var system = ActorSystem.Of(target)
            ?? throw new ArgumentException($"Ask needs a reference to an actor of an ActorEcho system; {target} is not one", nameof(target));
        var limit = timeout ?? system.Settings.AskTimeout;
        if (limit <= TimeSpan.Zero && limit != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), limit, "an Ask timeout must be positive (or infinite)");
        }

        var promise = new PromiseActorRef(system.NextTempPath());
        var timer = limit == Timeout.InfiniteTimeSpan
            ? null
            : system.Scheduler.ScheduleOnce(limit, () => promise.Fail(new AskTimeoutException(
                $"Ask timed out on [{target.Path}] after {limit.TotalMilliseconds:0} ms; the message was of type {message.GetType().FullName}")));
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static (s, t) => ((PromiseActorRef)s!).Cancel(t), promise)
            : default;
        object reply;
        try
        {
            target.Tell(message, promise);
            reply = await promise.Task.ConfigureAwait(false);
        }
        finally
        {
            timer?.Cancel();
        }

        return reply switch
        {
            Status.Failure failure when typeof(T) != typeof(Status.Failure) => throw failure.Cause,
            T typed => typed,
            _ => throw new InvalidCastException($"Ask on [{target.Path}]: expected a reply of type {typeof(T).Name}, got {reply.GetType().Name}"),
        };
    }

    /// <summary>Ask for a reply of any type.</summary>
    public static Task<object> Ask(this IActorRef target, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Ask<object>(target, message, timeout, cancellationToken);
}
