using System.Net;

namespace ActorEcho.Server;

/// <summary>An endpoint the server has bound.</summary>
/// <param name="Name">The endpoint's config name, e.g. <c>session-tcp</c> or <c>time-udp</c>.</param>
/// <param name="Protocol"><c>tcp</c> or <c>udp</c>.</param>
/// <param name="LocalEndPoint">The bound address and the real port (also when port 0 was configured).</param>
public sealed record ServerEndpoint(string Name, string Protocol, IPEndPoint LocalEndPoint);
