using Akka.Actor;
using ActorEcho.Server.Supervision;

namespace ActorEcho.Host.Demos;

/// <summary>
/// Keeps every <see cref="SupervisionDecision"/> the server's supervisors publish on the event
/// stream, so a demo can show what a supervisor decided without log lines or stack traces on the
/// console. Its creator subscribes it to <see cref="SupervisionDecision"/> right after creating it
/// (not in <c>PreStart</c>, which runs later), so no decision after that moment is missed.
/// </summary>
internal sealed class SupervisorLog : ReceiveActor
{
    private readonly List<SupervisionDecision> _decisions = [];

    public SupervisorLog()
    {
        Receive<SupervisionDecision>(_decisions.Add);
        Receive<Read>(_ => Sender.Tell(_decisions.ToArray()));
    }

    /// <summary>
    /// The decisions so far, oldest first. A decision published before this call is included: the
    /// event stream put it in the log's mailbox before this request.
    /// </summary>
    public static async Task<IReadOnlyList<SupervisionDecision>> ReadAsync(IActorRef log, TimeSpan timeout) =>
        await log.Ask<SupervisionDecision[]>(Read.Instance, timeout).ConfigureAwait(false);

    /// <summary>One line for the narration: who decided what about whom, and why.</summary>
    public static string Describe(SupervisionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return $"supervisor {decision.Supervisor} chose {decision.Directive} for {decision.Child} after: {decision.Cause}";
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    /// <summary>Asks for the decisions so far; the reply is a <see cref="SupervisionDecision"/> array.</summary>
    private sealed record Read
    {
        public static Read Instance { get; } = new();
    }
}
