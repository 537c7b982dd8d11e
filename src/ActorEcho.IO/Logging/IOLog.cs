using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ActorEcho.IO.Logging;

/// <summary>Source-generated log events of the socket layer; event ids 2000–2099 are stable.</summary>
internal static partial class IOLog
{
    /// <summary>The logger category of the socket layer.</summary>
    public const string Category = "ActorEcho.IO";

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "TCP listener bound to {LocalEndPoint}")]
    public static partial void Bound(ILogger logger, EndPoint localEndPoint);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "TCP bind to {LocalEndPoint} failed: {Error}")]
    public static partial void BindFailed(ILogger logger, EndPoint localEndPoint, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "TCP listener on {LocalEndPoint} unbound")]
    public static partial void Unbound(ILogger logger, EndPoint localEndPoint);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "TCP listener on {LocalEndPoint}: accept failed: {Error}")]
    public static partial void AcceptFailed(ILogger logger, EndPoint localEndPoint, SocketError error);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "TCP listener on {LocalEndPoint} stops because its bind handler {Handler} died")]
    public static partial void ListenerHandlerDied(ILogger logger, EndPoint localEndPoint, string handler);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Connection {ConnectionId} {RemoteEndPoint} -> {LocalEndPoint} opened")]
    public static partial void ConnectionOpened(ILogger logger, long connectionId, EndPoint remoteEndPoint, EndPoint localEndPoint);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Connection {ConnectionId} from {RemoteEndPoint} closed: no Tcp.Register within {Timeout}")]
    public static partial void RegisterTimedOut(ILogger logger, long connectionId, EndPoint remoteEndPoint, TimeSpan timeout);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Connection {ConnectionId} from {RemoteEndPoint} is over the limit of {MaxConnections} connections on {LocalEndPoint}; it is offered to the handler and closed after the register timeout")]
    public static partial void OverLimit(ILogger logger, long connectionId, EndPoint remoteEndPoint, EndPoint localEndPoint, int maxConnections);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Connection {ConnectionId} {RemoteEndPoint} aborted because its handler {Handler} died")]
    public static partial void HandlerDied(ILogger logger, long connectionId, EndPoint remoteEndPoint, string handler);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Debug, Message = "Connection {ConnectionId} {RemoteEndPoint} closed: {Event}")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId, EndPoint remoteEndPoint, string @event);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Debug, Message = "Connection {ConnectionId} {RemoteEndPoint} failed: {Error}")]
    public static partial void ConnectionFailed(ILogger logger, long connectionId, EndPoint remoteEndPoint, string error);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Debug, Message = "Connection {ConnectionId} {RemoteEndPoint}: write of {Bytes} bytes refused, {Pending} bytes pending (bound {Bound})")]
    public static partial void WriteRefused(ILogger logger, long connectionId, EndPoint remoteEndPoint, long bytes, long pending, long bound);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Debug, Message = "Connect to {RemoteEndPoint} failed: {Error}")]
    public static partial void ConnectFailed(ILogger logger, EndPoint remoteEndPoint, string error);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Warning, Message = "Connection {ConnectionId} {RemoteEndPoint} stopped with pending state: {Reason}")]
    public static partial void ConnectionStopped(ILogger logger, long connectionId, EndPoint remoteEndPoint, string reason);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Information, Message = "UDP socket bound to {LocalEndPoint}")]
    public static partial void UdpBound(ILogger logger, EndPoint localEndPoint);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Warning, Message = "UDP bind to {LocalEndPoint} failed: {Error}")]
    public static partial void UdpBindFailed(ILogger logger, EndPoint localEndPoint, string error);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Warning, Message = "UDP socket {LocalEndPoint}: dropped a datagram from {RemoteEndPoint} larger than {MaxDatagramSize} bytes")]
    public static partial void DatagramTooLarge(ILogger logger, EndPoint localEndPoint, EndPoint remoteEndPoint, int maxDatagramSize);

    [LoggerMessage(EventId = 2043, Level = LogLevel.Debug, Message = "UDP socket {LocalEndPoint}: ignored {Error} reported for an earlier send")]
    public static partial void UdpIcmpIgnored(ILogger logger, EndPoint localEndPoint, SocketError error);

    [LoggerMessage(EventId = 2044, Level = LogLevel.Debug, Message = "UDP send to {RemoteEndPoint} failed: {Error}")]
    public static partial void UdpSendFailed(ILogger logger, EndPoint remoteEndPoint, string error);

    [LoggerMessage(EventId = 2045, Level = LogLevel.Warning, Message = "UDP socket {LocalEndPoint} failed: {Error}")]
    public static partial void UdpReceiveFailed(ILogger logger, EndPoint localEndPoint, SocketError error);

    [LoggerMessage(EventId = 2046, Level = LogLevel.Information, Message = "UDP socket {LocalEndPoint} unbound")]
    public static partial void UdpUnbound(ILogger logger, EndPoint localEndPoint);
}
