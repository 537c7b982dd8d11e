using System.Net;
using Akka.Event;

namespace ActorEcho.Server.Logging;

/// <summary>
/// Every log event of the server, one method each, so the message templates live in one place and
/// read the same wherever they are raised. Actors pass their own <c>Context.GetLogger()</c>, so each
/// line carries the actor's path as its source; the templates are structured (<c>{SessionId}</c>,
/// <c>{Endpoint}</c>) for Akka.Logger.Serilog's semantic formatter.
/// </summary>
internal static class ServerLog
{
    public static void EndpointBound(this ILoggingAdapter log, string endpoint, string protocol, EndPoint localEndPoint) =>
        log.Info("Endpoint {Endpoint} ({Protocol}) bound to {LocalEndPoint}", endpoint, protocol, localEndPoint);

    public static void EndpointBindFailed(this ILoggingAdapter log, string endpoint, string protocol, EndPoint localEndPoint, string error) =>
        log.Error("Endpoint {Endpoint} ({Protocol}) could not bind to {LocalEndPoint}: {Error}", endpoint, protocol, localEndPoint, error);

    public static void EndpointUnbound(this ILoggingAdapter log, string endpoint, string protocol, EndPoint localEndPoint) =>
        log.Info("Endpoint {Endpoint} ({Protocol}) on {LocalEndPoint} unbound", endpoint, protocol, localEndPoint);

    public static void ConnectionRefused(this ILoggingAdapter log, string endpoint, EndPoint remote, int live, int max) =>
        log.Warning("Endpoint {Endpoint} refused connection from {Remote}: {Live} connections open (max {Max})", endpoint, remote, live, max);

    public static void SessionOpened(this ILoggingAdapter log, long sessionId, EndPoint remote) =>
        log.Info("Session {SessionId} opened from {Remote}", sessionId, remote);

    public static void SessionClosed(this ILoggingAdapter log, long sessionId, EndPoint remote, string reason) =>
        log.Info("Session {SessionId} from {Remote} closed: {Reason}", sessionId, remote, reason);

    public static void SessionRestarted(this ILoggingAdapter log, long sessionId, EndPoint remote, int restarts, TimeSpan window, string error) =>
        log.Warning("Session {SessionId} from {Remote} restarted after an internal error ({Restarts} within {WindowSeconds}s): {Error}", sessionId, remote, restarts, window.TotalSeconds, error);

    public static void SessionGaveUp(this ILoggingAdapter log, long sessionId, EndPoint remote, int restarts, TimeSpan window, int maxRestarts) =>
        log.Error("Session {SessionId} from {Remote} stopped: {Restarts} failures within {WindowSeconds}s (max {MaxRestarts} restarts)", sessionId, remote, restarts, window.TotalSeconds, maxRestarts);

    public static void SessionIdle(this ILoggingAdapter log, long sessionId, EndPoint remote, TimeSpan idleTimeout) =>
        log.Info("Session {SessionId} from {Remote} idle for {IdleTimeoutSeconds}s; closing", sessionId, remote, idleTimeout.TotalSeconds);

    public static void CloseTimedOut(this ILoggingAdapter log, long sessionId, EndPoint remote, TimeSpan closeTimeout) =>
        log.Warning("Session {SessionId} from {Remote} did not finish closing within {CloseTimeoutSeconds}s; connection reset", sessionId, remote, closeTimeout.TotalSeconds);

    public static void SlowReaderDropped(this ILoggingAdapter log, long sessionId, EndPoint remote, long dropped) =>
        log.Warning("Session {SessionId} from {Remote} reads too slowly: dropped {Dropped} chat messages", sessionId, remote, dropped);

    public static void SlowReaderDisconnected(this ILoggingAdapter log, long sessionId, EndPoint remote, long dropped) =>
        log.Warning("Session {SessionId} from {Remote} reads too slowly: disconnecting ({Dropped} queued chat messages dropped)", sessionId, remote, dropped);

    public static void WriteRefused(this ILoggingAdapter log, string connection, string cause) =>
        log.Error("Connection {Connection}: Akka.IO refused a write ({Cause}) although the in-flight window is below write-commands-queue-max-size; the stream would have a hole, so the connection is reset", connection, cause);

    public static void ClosingConnections(this ILoggingAdapter log, int count, string endpoint) =>
        log.Info("Server shutting down: closing {Count} connections on {Endpoint}", count, endpoint);

    public static void ClosingConnectionsTimedOut(this ILoggingAdapter log, string endpoint, int count, TimeSpan timeout) =>
        log.Warning("Endpoint {Endpoint}: {Count} connections did not close within {TimeoutSeconds}s; stopping them", endpoint, count, timeout.TotalSeconds);

    // Debug: it comes moments before the actor system terminates, when Akka may already be stopping
    // its loggers; the host logs its own "ActorEcho stopped" after termination.
    public static void ServerStopped(this ILoggingAdapter log) =>
        log.Debug("Server stopped");

    public static void UdpSendFailed(this ILoggingAdapter log, string endpoint, EndPoint remote, string error) =>
        log.Warning("UDP endpoint {Endpoint}: reply to {Remote} not sent: {Error}", endpoint, remote, error);

    public static void SupervisionDecided(this ILoggingAdapter log, string child, string directive, string cause) =>
        log.Warning("Supervisor chose {Directive} for {Child} after: {Cause}", directive, child, cause);
    public static void ClusterJoining(this ILoggingAdapter log, string self, string seeds) =>
        log.Info("Cluster mode: node {Node} joining {Seeds}", self, seeds);

    public static void PeerHubSyncing(this ILoggingAdapter log, string hub, string reason) =>
        log.Info("Chat hub {Hub}: fetching its sessions ({Reason})", hub, reason);

    public static void PeerHubSynced(this ILoggingAdapter log, string hub, int sessions, long seq) =>
        log.Info("Chat hub {Hub}: following it, {Sessions} sessions as of event {Seq}", hub, sessions, seq);

    public static void NodeDropped(this ILoggingAdapter log, string node, string why, int sessions) =>
        log.Info("Cluster member {Node} {Why}: its {Sessions} sessions are no longer listed", node, why, sessions);

    public static void NickRegistryUnanswered(this ILoggingAdapter log, string what, TimeSpan timeout) =>
        log.Warning("Nick registry did not answer {What} within {Timeout}", what, timeout);
}
