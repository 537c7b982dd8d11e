using System.Net;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Host.Hosting;

/// <summary>The host's log events (category <c>ActorEcho.Host</c>).</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "ActorEcho {Version} starting (system {SystemName}, pid {ProcessId})")]
    public static partial void Starting(ILogger logger, string version, string systemName, int processId);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Listening: {EndpointName} {Protocol} {LocalEndPoint}")]
    public static partial void Listening(ILogger logger, string endpointName, string protocol, IPEndPoint localEndPoint);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "ActorEcho ready: {Count} endpoints bound; Ctrl+C or SIGTERM stops it")]
    public static partial void Ready(ILogger logger, int count);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Binding to {Address}, which is not a loopback address: the server is reachable from the network")]
    public static partial void NonLoopback(ILogger logger, IPAddress address);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Shutdown: stopping {Count} endpoints")]
    public static partial void ShutdownBegins(ILogger logger, int count);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "ActorEcho stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "ActorEcho failed to start: {Reason}")]
    public static partial void StartFailed(ILogger logger, string reason);
}
