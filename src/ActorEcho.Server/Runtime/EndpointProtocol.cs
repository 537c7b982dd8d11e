using Akka.Actor;

namespace ActorEcho.Server.Runtime;

/// <summary>
/// Messages between <see cref="EchoServer"/>, the server root, the endpoint actors (TCP listeners and
/// UDP services) and the connection handlers they supervise.
/// </summary>
internal static class EndpointProtocol
{
    /// <summary>To the root: create the endpoint actor. The endpoint actor answers the sender with <see cref="Started"/> or a <c>Status.Failure</c> holding an <see cref="EndpointBindException"/>.</summary>
    public sealed record Start(EndpointSpec Spec);

    /// <summary>From an endpoint actor: bound; <paramref name="Actor"/> takes <see cref="Unbind"/> and <see cref="CloseConnections"/>.</summary>
    public sealed record Started(ServerEndpoint Endpoint, IActorRef Actor);

    /// <summary>
    /// To an endpoint actor: take no more connections and close the listening socket. A TCP endpoint
    /// with connections still open stops taking new ones at once and closes its socket when the last
    /// one has closed (Akka.IO's listener resets the connections it accepted when it unbinds).
    /// Answered with <see cref="Unbound"/>, also when already unbound.
    /// </summary>
    public sealed record Unbind
    {
        public static Unbind Instance { get; } = new();
    }

    /// <summary>From an endpoint actor: it takes no more connections (and the port is free, unless connections were still open).</summary>
    public sealed record Unbound
    {
        public static Unbound Instance { get; } = new();
    }

    /// <summary>
    /// To a TCP endpoint actor: tell every connection handler the server is shutting down and wait
    /// until they all stopped; handlers still running after <paramref name="Timeout"/> are stopped
    /// (their connections reset). Answered with <see cref="ConnectionsClosed"/>.
    /// </summary>
    public sealed record CloseConnections(TimeSpan Timeout);

    /// <summary>From a TCP endpoint actor: every connection handler has stopped and the port is free.</summary>
    public sealed record ConnectionsClosed
    {
        public static ConnectionsClosed Instance { get; } = new();
    }

    /// <summary>
    /// From a listener to each of its connection handlers: the server is stopping. A session sends
    /// <c>NOTICE server shutting down</c>, flushes and closes; other handlers flush and close.
    /// </summary>
    public sealed record ServerShuttingDown
    {
        public static ServerShuttingDown Instance { get; } = new();
    }
}
