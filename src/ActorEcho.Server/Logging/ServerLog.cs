using System.Net;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Server.Logging;

/// <summary>Source-generated log events of the server; event ids 3000–3099 are stable.</summary>
internal static partial class ServerLog
{
    /// <summary>The logger category of the server.</summary>
    public const string Category = "ActorEcho.Server";

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Endpoint {Endpoint} ({Protocol}) bound to {LocalEndPoint}")]
    public static partial void EndpointBound(ILogger logger, string endpoint, string protocol, EndPoint localEndPoint);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Endpoint {Endpoint} ({Protocol}) could not bind to {LocalEndPoint}: {Error}")]
    public static partial void EndpointBindFailed(ILogger logger, string endpoint, string protocol, EndPoint localEndPoint, string error);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Endpoint {Endpoint} ({Protocol}) on {LocalEndPoint} unbound")]
    public static partial void EndpointUnbound(ILogger logger, string endpoint, string protocol, EndPoint localEndPoint);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Endpoint {Endpoint} refused connection from {Remote}: {Live} connections open (max {Max})")]
    public static partial void ConnectionRefused(ILogger logger, string endpoint, EndPoint remote, int live, int max);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Session {ConnectionId} opened from {Remote}")]
    public static partial void SessionOpened(ILogger logger, long connectionId, EndPoint remote);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information, Message = "Session {ConnectionId} from {Remote} closed: {Reason}")]
    public static partial void SessionClosed(ILogger logger, long connectionId, EndPoint remote, string reason);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Session {ConnectionId} from {Remote} restarted after an internal error ({Restarts} within {Window}): {Error}")]
    public static partial void SessionRestarted(ILogger logger, long connectionId, EndPoint remote, int restarts, TimeSpan window, string error);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Error, Message = "Session {ConnectionId} from {Remote} stopped: {Restarts} failures within {Window} (max {MaxRestarts} restarts)")]
    public static partial void SessionGaveUp(ILogger logger, long connectionId, EndPoint remote, int restarts, TimeSpan window, int maxRestarts);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Information, Message = "Session {ConnectionId} from {Remote} idle for {IdleTimeout}; closing")]
    public static partial void SessionIdle(ILogger logger, long connectionId, EndPoint remote, TimeSpan idleTimeout);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Session {ConnectionId} from {Remote} did not finish closing within {CloseTimeout}; connection reset")]
    public static partial void CloseTimedOut(ILogger logger, long connectionId, EndPoint remote, TimeSpan closeTimeout);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "Session {ConnectionId} from {Remote} reads too slowly: dropped {Dropped} chat messages")]
    public static partial void SlowReaderDropped(ILogger logger, long connectionId, EndPoint remote, long dropped);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Session {ConnectionId} from {Remote} reads too slowly: disconnecting ({Dropped} queued chat messages dropped)")]
    public static partial void SlowReaderDisconnected(ILogger logger, long connectionId, EndPoint remote, long dropped);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Debug, Message = "Connection {ConnectionId} from {Remote}: write refused by the socket layer; resuming after the queue drains")]
    public static partial void WriteNacked(ILogger logger, long connectionId, EndPoint remote);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Error, Message = "Connection {ConnectionId} from {Remote}: write refused by the socket layer although the in-flight window fits its max-pending-write-bytes; the bytes cannot be resent, so the connection is reset")]
    public static partial void WriteLost(ILogger logger, long connectionId, EndPoint remote);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Server shutting down: closing {Count} connections on {Endpoint}")]
    public static partial void ClosingConnections(ILogger logger, int count, string endpoint);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Warning, Message = "Endpoint {Endpoint}: {Count} connections did not close within {Timeout}; stopping them")]
    public static partial void ClosingConnectionsTimedOut(ILogger logger, string endpoint, int count, TimeSpan timeout);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Information, Message = "Server stopped")]
    public static partial void ServerStopped(ILogger logger);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Debug, Message = "UDP endpoint {Endpoint}: reply to {Remote} not sent: {Error}")]
    public static partial void UdpSendFailed(ILogger logger, string endpoint, EndPoint remote, string error);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Warning, Message = "Socket settings for the server differ from the running {Transport} manager's; using the running manager: {Error}")]
    public static partial void ManagerSettingsMismatch(ILogger logger, string transport, string error);
}
