namespace ActorEcho.Server;

/// <summary>One endpoint's switch and port (HOCON <c>actorecho.server.endpoints.NAME</c>).</summary>
/// <param name="Enabled">Whether the endpoint is bound at all.</param>
/// <param name="Port">The port; 0 picks a free one (see <see cref="EchoServer.Endpoints"/> for the real one).</param>
public sealed record EndpointSettings(bool Enabled, int Port);
