using Akka.Actor;
using Akka.IO;

namespace ActorEcho.Server.Chat;

/// <summary>
/// Messages between sessions and the <see cref="ChatHub"/>. A session is identified by its actor ref
/// (the <c>Sender</c>). Requests that need an answer carry a <c>RequestId</c> the reply echoes, so a
/// session restarted in between never mistakes an old reply for the answer to its new request.
/// Everything the hub sends to a session implements <see cref="INotInfluenceReceiveTimeout"/>: only
/// the client's own bytes count as activity for the idle timeout.
/// </summary>
internal static class ChatProtocol
{
    /// <summary>Session → hub: a session starts (or restarted) with its default nick. No reply.</summary>
    public sealed record Connect(long SessionNumber, string Nick);

    /// <summary>
    /// Session → hub: the session leaves its room (others see <c>* NICK left</c>) and frees its nick.
    /// Also sent by a session's listener, with the terminated session as the sender, when it sees
    /// the session stop (the hub does not watch sessions). No reply.
    /// </summary>
    public sealed record Disconnect
    {
        public static Disconnect Instance { get; } = new();
    }

    /// <summary>Session → hub: change nick. Reply <see cref="NickChanged"/> or <see cref="Reply"/> with an ERR line.</summary>
    public sealed record ChangeNick(long RequestId, string Nick);

    /// <summary>Session → hub: leave the current room (if any) and join <paramref name="Room"/>. Reply <see cref="Joined"/>.</summary>
    public sealed record Join(long RequestId, string Room);

    /// <summary>Session → hub: leave the current room. No reply (the session answers <c>OK left ROOM</c> itself).</summary>
    public sealed record Leave
    {
        public static Leave Instance { get; } = new();
    }

    /// <summary>
    /// Session → hub: a chat line for the other members of the sender's room. Answered with
    /// <see cref="Said"/> once it is fanned out, so a session keeps only a few lines in flight and
    /// the hub's mailbox stays bounded however fast its clients type.
    /// </summary>
    public sealed record Say(string Text);

    /// <summary>Hub → session: one <see cref="Say"/> has been delivered to the room's members.</summary>
    public sealed record Said : INotInfluenceReceiveTimeout
    {
        public static Said Instance { get; } = new();
    }

    /// <summary>
    /// Session → hub (policy backpressure): the session's chat queue passed the high-water mark
    /// (<paramref name="Congested"/> true) or fell to the low-water mark (false). While it is congested
    /// the hub holds everyone who sends to it.
    /// </summary>
    public sealed record Congestion(bool Congested);

    /// <summary>
    /// Hub → session: stop (<paramref name="Hold"/> true) or go on taking input from the client. A
    /// held session parses no further input and asks Akka.IO for no further chunk, so TCP pushes
    /// back on its client.
    /// </summary>
    public sealed record HoldInput(bool Hold) : INotInfluenceReceiveTimeout;

    /// <summary>Session → hub: a private message. Reply <see cref="Reply"/>: no line on success, an ERR line for an unknown nick.</summary>
    public sealed record PrivateMessage(long RequestId, string To, string Text);

    /// <summary>Session → hub: <c>/who</c>. Reply <see cref="Reply"/> with the WHO line.</summary>
    public sealed record Who(long RequestId, string? Room = null);

    /// <summary>Session → hub: <c>/rooms</c>. Reply <see cref="Reply"/> with the ROOMS line.</summary>
    public sealed record Rooms(long RequestId);

    /// <summary>Hub → session: the answer to a request: a line to send (possibly none).</summary>
    public sealed record Reply(long RequestId, ReadOnlyMemory<byte> Line) : INotInfluenceReceiveTimeout;

    /// <summary>Hub → session: the nick is now <paramref name="Nick"/>.</summary>
    public sealed record NickChanged(long RequestId, string Nick) : INotInfluenceReceiveTimeout;

    /// <summary>Hub → session: joined <paramref name="Room"/> (its canonical spelling) with <paramref name="Members"/> members.</summary>
    public sealed record Joined(long RequestId, string Room, int Members) : INotInfluenceReceiveTimeout;

    /// <summary>
    /// Hub → member session: a line from someone else (room line, join/leave/rename notice, private
    /// message). Built once and shared by every recipient; the session queues it as chat output.
    /// </summary>
    public sealed record Deliver(ByteString Line) : INotInfluenceReceiveTimeout;
}
