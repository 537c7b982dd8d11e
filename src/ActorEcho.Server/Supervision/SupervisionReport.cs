using Akka.Actor;
using Akka.Event;
using ActorEcho.Server.Logging;

namespace ActorEcho.Server.Supervision;

/// <summary>
/// What the server's strategies do instead of Akka's default failure logging: one warning line
/// naming the child, the directive and the cause (no stack trace for an expected fault such as
/// <c>/crash</c>; the exception stays available at debug level), and a
/// <see cref="SupervisionDecision"/> on the event stream.
/// </summary>
internal static class SupervisionReport
{
    public static void Publish(IActorContext context, IActorRef child, Exception cause, Directive directive)
    {
        var message = cause is ActorInitializationException { InnerException: { } inner } ? inner.Message : cause.Message;
        var log = context.GetLogger();
        log.SupervisionDecided(child.Path.ToString(), directive.ToString(), message);
        log.Debug(cause, "Failure of {Child}", child.Path);
        context.System.EventStream.Publish(new SupervisionDecision(context.Self.Path.ToString(), child.Path.ToString(), directive.ToString(), message));
    }
}
