using System.Net;

namespace ActorEcho.Server.Runtime;

/// <summary>One endpoint to bind: its config name, transport, service and address.</summary>
internal sealed record EndpointSpec(string Name, string Protocol, ServiceKind Kind, IPEndPoint Address)
{
    public bool IsTcp => Protocol == "tcp";

    public static ServiceKind KindOf(string name) => name switch
    {
        "session-tcp" or "session-udp" => ServiceKind.Session,
        "echo-tcp" => ServiceKind.Echo,
        "time-tcp" or "time-udp" => ServiceKind.Time,
        "daytime-tcp" or "daytime-udp" => ServiceKind.Daytime,
        _ => throw new ArgumentException($"unknown endpoint '{name}'", nameof(name)),
    };
}
