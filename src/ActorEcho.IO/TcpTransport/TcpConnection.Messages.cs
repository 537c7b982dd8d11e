using System.Net.Sockets;
using ActorEcho.Actors.Events;

namespace ActorEcho.IO.TcpTransport;

/// <summary>
/// What the connection's socket tasks report back to it. A report can arrive after the actor has
/// stopped (a read or send finishing as the socket is disposed); that is expected, so these never
/// show up in the dead-letter log (<see cref="IDeadLetterSuppression"/>).
/// </summary>
internal sealed partial class TcpConnection
{
    /// <summary>The outgoing connect succeeded.</summary>
    private sealed record ConnectSucceeded : IDeadLetterSuppression
    {
        public static ConnectSucceeded Instance { get; } = new();
    }

    /// <summary>The outgoing connect failed or timed out.</summary>
    private sealed record ConnectFailed(Exception Cause) : IDeadLetterSuppression;

    /// <summary>The send in flight handed all its bytes to the OS (the actor knows which writes it held).</summary>
    private sealed record WriteCompleted : IDeadLetterSuppression
    {
        public static WriteCompleted Instance { get; } = new();
    }

    /// <summary>The send in flight failed.</summary>
    private sealed record WriteFailed(SocketError Error, string Message) : IDeadLetterSuppression;

    /// <summary>The peer sent FIN (a read returned 0 bytes).</summary>
    private sealed record ReadEnded : IDeadLetterSuppression
    {
        public static ReadEnded Instance { get; } = new();
    }

    /// <summary>A read failed, e.g. the peer reset the connection.</summary>
    private sealed record ReadFailed(SocketError Error, string Message) : IDeadLetterSuppression;

    /// <summary>The close linger (or a dead handler's flush) took longer than <c>close-linger</c>.</summary>
    private sealed record LingerTimedOut : IDeadLetterSuppression
    {
        public static LingerTimedOut Instance { get; } = new();
    }

    /// <summary>No <see cref="Tcp.Register"/> arrived in time (or an over-limit connection's grace ended).</summary>
    private sealed record RegisterTimedOut : IDeadLetterSuppression
    {
        public static RegisterTimedOut Instance { get; } = new();
    }
}
