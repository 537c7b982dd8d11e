namespace ActorEcho.Server;

/// <summary>Which Akka supervisor strategy a TCP endpoint's listener applies to its connection actors (HOCON <c>supervision.strategy</c>).</summary>
public enum SupervisionStrategyKind
{
    /// <summary>Only the failing session restarts (<c>one-for-one</c>, the default).</summary>
    OneForOne,

    /// <summary>Every session of the endpoint restarts when one fails (<c>all-for-one</c>).</summary>
    AllForOne,
}
