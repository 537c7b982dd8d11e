using Akka.Actor;

namespace ActorEcho.Server.Supervision;

/// <summary>Akka's <see cref="AllForOneStrategy"/>, reporting each decision through <see cref="SupervisionReport"/>.</summary>
internal sealed class ReportingAllForOneStrategy : AllForOneStrategy
{
    public ReportingAllForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, IDecider decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    protected override void LogFailure(IActorContext context, IActorRef child, Exception cause, Directive directive) =>
        SupervisionReport.Publish(context, child, cause, directive);
}
