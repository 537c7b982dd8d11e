namespace ActorEcho.Server.Runtime;

/// <summary>What an endpoint serves.</summary>
internal enum ServiceKind
{
    /// <summary>TCP: the session protocol; UDP: <c>time</c> or echo.</summary>
    Session,

    /// <summary>TCP: RFC 862 echo.</summary>
    Echo,

    /// <summary>RFC 868 time.</summary>
    Time,

    /// <summary>RFC 867 daytime.</summary>
    Daytime,
}
