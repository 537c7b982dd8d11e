using System.Net;
using ActorEcho.Actors;

namespace ActorEcho.IO;

/// <summary>
/// The UDP protocol of the socket layer. Commands go to the manager (<c>system.Udp()</c>) or to a
/// bound socket actor; events come back to the sender or the bind handler. Datagrams are never
/// delivered truncated: one larger than <c>max-datagram-size</c> is dropped and logged.
/// </summary>
public static class Udp
{
    /// <summary>Every UDP message.</summary>
    public abstract record Message;

    /// <summary>A request to the manager or a socket actor.</summary>
    public abstract record Command : Message;

    /// <summary>A notification from the layer.</summary>
    public abstract record Event : Message;

    /// <summary>
    /// To the manager: bind a datagram socket to <paramref name="LocalAddress"/> (port 0 picks one).
    /// The sender gets <see cref="Bound"/> from the socket actor, which then delivers every datagram
    /// to <paramref name="Handler"/> as <see cref="Received"/> and accepts <see cref="Send"/>. The
    /// socket closes when <paramref name="Handler"/> dies.
    /// </summary>
    public sealed record Bind(IActorRef Handler, EndPoint LocalAddress) : Command;

    /// <summary>From a socket actor: bound to <paramref name="LocalAddress"/> (the real port).</summary>
    public sealed record Bound(EndPoint LocalAddress) : Event;

    /// <summary>To a socket actor: close the socket. Answered with <see cref="Unbound"/>.</summary>
    public sealed record Unbind : Command
    {
        /// <summary>The single instance.</summary>
        public static Unbind Instance { get; } = new();
    }

    /// <summary>From a socket actor: the socket is closed.</summary>
    public sealed record Unbound : Event
    {
        /// <summary>The single instance.</summary>
        public static Unbound Instance { get; } = new();
    }

    /// <summary>
    /// To the manager: create an unbound sending socket. The sender gets <see cref="SimpleSenderReady"/>
    /// from the new actor, which accepts <see cref="Send"/>. It stops (closing its socket) when the
    /// requester dies.
    /// </summary>
    public sealed record SimpleSender : Command
    {
        /// <summary>The single instance.</summary>
        public static SimpleSender Instance { get; } = new();
    }

    /// <summary>From a simple sender: ready to send.</summary>
    public sealed record SimpleSenderReady : Event
    {
        /// <summary>The single instance.</summary>
        public static SimpleSenderReady Instance { get; } = new();
    }

    /// <summary>To a bound socket: stop reading datagrams (the OS buffer fills and then drops).</summary>
    public sealed record SuspendReading : Command
    {
        /// <summary>The single instance.</summary>
        public static SuspendReading Instance { get; } = new();
    }

    /// <summary>To a bound socket: read datagrams again.</summary>
    public sealed record ResumeReading : Command
    {
        /// <summary>The single instance.</summary>
        public static ResumeReading Instance { get; } = new();
    }

    /// <summary>
    /// To a bound socket or simple sender: send <paramref name="Payload"/> as one datagram to
    /// <paramref name="Target"/>. <paramref name="Ack"/> (unless <see cref="NoAck"/>) goes to the
    /// sender once the datagram was handed to the OS. A send that fails (too large, unreachable
    /// network) is answered <see cref="CommandFailed"/>; the socket keeps working.
    /// </summary>
    public sealed record Send(ByteString Payload, EndPoint Target, object Ack) : Command
    {
        /// <summary>True unless the ack is <see cref="NoAck"/>.</summary>
        public bool WantsAck => Ack is not NoAck;

        /// <summary>A send without ack.</summary>
        public static Send Create(ByteString payload, EndPoint target) => new(payload, target, NoAck.Instance);
    }

    /// <summary>The ack value that asks for no ack.</summary>
    public sealed record NoAck
    {
        /// <summary>The single instance.</summary>
        public static NoAck Instance { get; } = new();
    }

    /// <summary>From a bound socket to its handler: one whole datagram and who sent it.</summary>
    public sealed record Received(ByteString Data, EndPoint Sender) : Event;

    /// <summary>A command could not be carried out; <paramref name="Cause"/> says why when known.</summary>
    public sealed record CommandFailed(Command Cmd, Exception? Cause = null) : Event;
}
