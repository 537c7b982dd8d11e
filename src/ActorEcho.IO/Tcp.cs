using System.Net;
using ActorEcho.Actors;

namespace ActorEcho.IO;

/// <summary>
/// The whole TCP protocol of the socket layer. Commands go to the manager (<c>system.Tcp()</c>),
/// to a listener or to a connection actor; events come back to the sender or the registered handler.
/// <para>
/// Acknowledgements: an ack for a <see cref="Write"/> means the bytes were handed to the operating
/// system's send buffer (the send call completed). It does not mean the peer received them.
/// </para>
/// </summary>
public static class Tcp
{
    /// <summary>Every TCP message.</summary>
    public abstract record Message;

    /// <summary>A request to the manager, a listener or a connection.</summary>
    public abstract record Command : Message
    {
        /// <summary>The event that reports this command failed.</summary>
        public CommandFailed FailureMessage(Exception? cause) => new(this, cause);
    }

    /// <summary>A notification from the layer.</summary>
    public abstract record Event : Message;

    /// <summary>
    /// To the manager: listen on <paramref name="LocalAddress"/> (port 0 picks a free one). The
    /// sender gets <see cref="Bound"/> with the real address from the new listener actor, or
    /// <see cref="CommandFailed"/> with the cause. Each accepted socket becomes a connection actor that
    /// sends <see cref="Connected"/> to <paramref name="Handler"/>. The listener stops (closing its
    /// socket) when <paramref name="Handler"/> dies. With <paramref name="PullMode"/> the listener
    /// accepts nothing until <see cref="ResumeAccepting"/>, and connections read only on
    /// <see cref="ResumeReading"/>.
    /// </summary>
    public sealed record Bind(IActorRef Handler, EndPoint LocalAddress, int Backlog = 100, bool PullMode = false) : Command;

    /// <summary>From a listener to the bind sender: listening on <paramref name="LocalAddress"/>.</summary>
    public sealed record Bound(EndPoint LocalAddress) : Event;

    /// <summary>To a listener: stop accepting and close the listening socket. Answered with <see cref="Unbound"/>; existing connections are untouched.</summary>
    public sealed record Unbind : Command
    {
        /// <summary>The single instance.</summary>
        public static Unbind Instance { get; } = new();
    }

    /// <summary>From a listener: the listening socket is closed (the port is free again).</summary>
    public sealed record Unbound : Event
    {
        /// <summary>The single instance.</summary>
        public static Unbound Instance { get; } = new();
    }

    /// <summary>
    /// To a pull-mode listener: accept up to <paramref name="BatchSize"/> more connections, then wait
    /// for the next <see cref="ResumeAccepting"/>.
    /// </summary>
    public sealed record ResumeAccepting(int BatchSize) : Command;

    /// <summary>
    /// To the manager: open a connection to <paramref name="RemoteAddress"/>. The sender gets
    /// <see cref="Connected"/> from the new connection actor (and must <see cref="Register"/>), or
    /// <see cref="CommandFailed"/> with the cause when the connect fails or takes longer than
    /// <paramref name="Timeout"/> (the socket is disposed either way).
    /// </summary>
    public sealed record Connect(EndPoint RemoteAddress, TimeSpan? Timeout = null, bool PullMode = false, EndPoint? LocalAddress = null) : Command;

    /// <summary>
    /// From a connection actor (its <c>Sender</c>) to the bind handler or the connect sender: the socket
    /// is open. Answer with <see cref="Register"/> within the register timeout or the socket is closed.
    /// <para>
    /// <paramref name="OverLimit"/> is true when the listener already had <c>max-connections</c> live
    /// connections: this connection does not read and is closed after the register timeout whatever
    /// happens, but it accepts <see cref="Register"/>, <see cref="Write"/> and the close commands,
    /// so the handler can send a one-line refusal and <see cref="Close"/> it.
    /// </para>
    /// </summary>
    public sealed record Connected(EndPoint RemoteAddress, EndPoint LocalAddress, bool OverLimit = false) : Event;

    /// <summary>
    /// To a connection: <paramref name="Handler"/> gets every event from now on and is watched (the
    /// socket is aborted when it dies). Writes sent before Register are kept and go out in order.
    /// Nothing is read before Register, so a peer that closed or reset meanwhile is reported to the
    /// handler (after any data it sent) once it registers.
    /// With <paramref name="KeepOpenOnPeerClosed"/> the connection stays writable after
    /// <see cref="PeerClosed"/> until the handler closes it.
    /// <para>
    /// With <paramref name="LeaseReceiveBuffers"/> the connection reads into pooled buffers instead of
    /// a new array per read, and lends each <see cref="Received"/>'s data to the handler, which gives it
    /// back with <see cref="ReturnBuffer"/> (see there for the rules). A lease that is never returned
    /// is simply never reused. Off by default: every <see cref="Received"/> then owns its array outright.
    /// </para>
    /// </summary>
    public sealed record Register(IActorRef Handler, bool KeepOpenOnPeerClosed = false, bool LeaseReceiveBuffers = false) : Command;

    /// <summary>Any write command: a single <see cref="Write"/> or a <see cref="CompoundWrite"/>.</summary>
    public abstract record WriteCommand : Command
    {
        /// <summary>A write that sends <paramref name="writes"/> in order, each acked on its own.</summary>
        public static WriteCommand Create(IEnumerable<Write> writes)
        {
            ArgumentNullException.ThrowIfNull(writes);
            var list = writes.ToArray();
            return list.Length == 1 ? list[0] : new CompoundWrite(list);
        }

        /// <summary>The total number of bytes.</summary>
        public abstract long ByteCount { get; }
    }

    /// <summary>
    /// To a connection: send <paramref name="Data"/>. When the bytes have been handed to the OS send
    /// buffer, <paramref name="Ack"/> goes to the sender of this command (unless it is
    /// <see cref="NoAck"/>). If accepting the write would put more than <c>max-pending-write-bytes</c>
    /// in the queue, the whole write is refused with <see cref="CommandFailed"/> (a NACK) and
    /// nothing of it is sent; after a NACK every later write is refused too until the writer sends
    /// <see cref="ResumeWriting"/> and receives <see cref="WritingResumed"/>, so it can resend in order.
    /// </summary>
    public sealed record Write(ByteString Data, object Ack) : WriteCommand
    {
        /// <summary>An empty write; with an ack it reports that everything before it was handed to the OS.</summary>
        public static Write Empty { get; } = new(ByteString.Empty, NoAck.Instance);

        /// <inheritdoc />
        public override long ByteCount => Data.Count;

        /// <summary>True unless the ack is <see cref="NoAck"/>.</summary>
        public bool WantsAck => Ack is not NoAck;

        /// <summary>A write without ack.</summary>
        public static Write Create(ByteString data) => new(data, NoAck.Instance);

        /// <summary>A write acked with <paramref name="ack"/>.</summary>
        public static Write Create(ByteString data, object ack) => new(data, ack);
    }

    /// <summary>Several writes sent as one unit of admission (all refused or all queued), each acked on its own.</summary>
    public sealed record CompoundWrite(IReadOnlyList<Write> Writes) : WriteCommand
    {
        /// <inheritdoc />
        public override long ByteCount => Writes.Sum(w => (long)w.Data.Count);
    }

    /// <summary>The ack value that asks for no ack. A refused write is still answered with <see cref="CommandFailed"/>.</summary>
    public sealed record NoAck
    {
        /// <summary>The single instance.</summary>
        public static NoAck Instance { get; } = new();
    }

    /// <summary>
    /// To a connection after a NACK: answer <see cref="WritingResumed"/> once every accepted write has been
    /// handed to the OS (at once if the queue is already empty), and accept writes again.
    /// </summary>
    public sealed record ResumeWriting : Command
    {
        /// <summary>The single instance.</summary>
        public static ResumeWriting Instance { get; } = new();
    }

    /// <summary>From a connection: the write queue drained after <see cref="ResumeWriting"/>; writes are accepted again.</summary>
    public sealed record WritingResumed : Event
    {
        /// <summary>The single instance.</summary>
        public static WritingResumed Instance { get; } = new();
    }

    /// <summary>
    /// To a push-mode connection: stop reading the socket, so the peer's writes stall once the OS
    /// buffers fill. A chunk whose read had already begun may still arrive after this.
    /// </summary>
    public sealed record SuspendReading : Command
    {
        /// <summary>The single instance.</summary>
        public static SuspendReading Instance { get; } = new();
    }

    /// <summary>To a connection: resume reading (push mode), or read one more chunk (pull mode).</summary>
    public sealed record ResumeReading : Command
    {
        /// <summary>The single instance.</summary>
        public static ResumeReading Instance { get; } = new();
    }

    /// <summary>
    /// From a connection to its handler: bytes read from the socket, in an array no one else writes.
    /// If the handler registered with <see cref="Register.LeaseReceiveBuffers"/>, the array is lent to
    /// it until it sends <see cref="ReturnBuffer"/> with this data.
    /// </summary>
    public sealed record Received(ByteString Data) : Event;

    /// <summary>
    /// To a connection whose handler registered with <see cref="Register.LeaseReceiveBuffers"/>: the
    /// handler is done with <paramref name="Data"/> (a <see cref="Received"/>'s data, or a slice of it),
    /// and the connection may reuse its buffer for a later read.
    /// <para>
    /// After sending this, neither the handler nor anyone it passed the data to may read it again:
    /// copy (<see cref="ByteString.ToArray"/>, <see cref="ByteString.CopyFrom"/>) whatever must live
    /// longer. The one exception is a <see cref="Write"/> of the data to this same connection sent
    /// before this message: the connection keeps the buffer until every such write has been handed
    /// to the OS. Writes of it to other connections must have been acked first. Data this connection
    /// did not lend (or that was already returned) is answered with <see cref="CommandFailed"/> and
    /// changes nothing.
    /// </para>
    /// </summary>
    public sealed record ReturnBuffer(ByteString Data) : Command;

    /// <summary>Any command that closes a connection.</summary>
    public abstract record CloseCommand : Command
    {
        /// <summary>The event the connection answers with when it is closed.</summary>
        public abstract ConnectionClosed Event { get; }
    }

    /// <summary>To a connection: send everything queued, then FIN and close. Answered with <see cref="Closed"/>.</summary>
    public sealed record Close : CloseCommand
    {
        /// <summary>The single instance.</summary>
        public static Close Instance { get; } = new();

        /// <inheritdoc />
        public override ConnectionClosed Event => Closed.Instance;
    }

    /// <summary>
    /// To a connection: send everything queued, then FIN (half-close), keep reading until the peer's FIN.
    /// Answered with <see cref="ConfirmedClosed"/>. There is no timeout: while the peer keeps its side
    /// open the connection waits; send <see cref="Abort"/> to end it regardless.
    /// </summary>
    public sealed record ConfirmedClose : CloseCommand
    {
        /// <summary>The single instance.</summary>
        public static ConfirmedClose Instance { get; } = new();

        /// <inheritdoc />
        public override ConnectionClosed Event => ConfirmedClosed.Instance;
    }

    /// <summary>To a connection: reset the socket at once (RST); queued writes are dropped. Answered with <see cref="Aborted"/>.</summary>
    public sealed record Abort : CloseCommand
    {
        /// <summary>The single instance.</summary>
        public static Abort Instance { get; } = new();

        /// <inheritdoc />
        public override ConnectionClosed Event => Aborted.Instance;
    }

    /// <summary>From a connection: it is closed and its actor stops. The subtypes say how.</summary>
    public abstract record ConnectionClosed : Event
    {
        /// <summary>True for <see cref="Aborted"/>.</summary>
        public virtual bool IsAborted => false;

        /// <summary>True for <see cref="ConfirmedClosed"/>.</summary>
        public virtual bool IsConfirmed => false;

        /// <summary>True for <see cref="PeerClosed"/>.</summary>
        public virtual bool IsPeerClosed => false;

        /// <summary>True for <see cref="ErrorClosed"/>.</summary>
        public virtual bool IsErrorClosed => false;
    }

    /// <summary>The connection was closed after a <see cref="Close"/>.</summary>
    public sealed record Closed : ConnectionClosed
    {
        /// <summary>The single instance.</summary>
        public static Closed Instance { get; } = new();
    }

    /// <summary>The connection was reset after an <see cref="Abort"/>.</summary>
    public sealed record Aborted : ConnectionClosed
    {
        /// <summary>The single instance.</summary>
        public static Aborted Instance { get; } = new();

        /// <inheritdoc />
        public override bool IsAborted => true;
    }

    /// <summary>Both sides sent FIN after a <see cref="ConfirmedClose"/>.</summary>
    public sealed record ConfirmedClosed : ConnectionClosed
    {
        /// <summary>The single instance.</summary>
        public static ConfirmedClosed Instance { get; } = new();

        /// <inheritdoc />
        public override bool IsConfirmed => true;
    }

    /// <summary>
    /// The peer sent FIN. Without <c>KeepOpenOnPeerClosed</c> the connection then closes; with it the
    /// connection stays writable until the handler closes it.
    /// </summary>
    public sealed record PeerClosed : ConnectionClosed
    {
        /// <summary>The single instance.</summary>
        public static PeerClosed Instance { get; } = new();

        /// <inheritdoc />
        public override bool IsPeerClosed => true;
    }

    /// <summary>The connection failed (e.g. reset by the peer); <paramref name="Cause"/> says why.</summary>
    public sealed record ErrorClosed(string Cause) : ConnectionClosed
    {
        /// <inheritdoc />
        public override bool IsErrorClosed => true;
    }

    /// <summary>
    /// A command could not be carried out: a bind to a busy port, a failed connect, or a write refused
    /// because the pending bytes would pass the bound (a NACK). <paramref name="Cause"/> is the
    /// exception, when there is one.
    /// </summary>
    public sealed record CommandFailed(Command Cmd, Exception? Cause = null) : Event;
}
