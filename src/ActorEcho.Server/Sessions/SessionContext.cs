using System.Net;
using Akka.Actor;
using ActorEcho.Server.Inbound;
using ActorEcho.Server.Outbound;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Sessions;

/// <summary>
/// The part of a session that survives a supervisor restart. The listener creates one per
/// connection and captures it in the session's Props, so every incarnation of the actor gets the
/// same object: the connection, the session number, the read gate (a read asked for is still
/// outstanding after a restart), the outbound queue (bytes already accepted for the client are
/// never lost to a restart), the failure history that decides when to give up, and the request-id
/// sequence. Nick, room, parser and rate limiter are deliberately NOT here: a restart resets them.
/// Only the session actor touches it, one incarnation at a time.
/// </summary>
internal sealed class SessionContext
{
    private long _requestIds;

    public SessionContext(ServerRuntime runtime, IActorRef connection, long number, EndPoint remote)
    {
        Runtime = runtime;
        Connection = connection;
        Number = number;
        Remote = remote;
        Reads = new ReadGate(connection);
    }

    public ServerRuntime Runtime { get; }

    /// <summary>The Akka.IO connection actor this session is the registered handler of.</summary>
    public IActorRef Connection { get; }

    /// <summary>The server-wide session number (guest-N, log id).</summary>
    public long Number { get; }

    public EndPoint Remote { get; }

    /// <summary>Pull-mode reading from the connection.</summary>
    public ReadGate Reads { get; }

    /// <summary>Created at the first output, reused by later incarnations; null while nothing was ever sent.</summary>
    public OutboundQueue? Outbound { get; set; }

    /// <summary>When each restart happened (monotonic time since the first), oldest first; null until the first restart.</summary>
    public List<TimeSpan>? Restarts { get; set; }

    /// <summary>Set just before the session stops itself: the connection is closed or closing on purpose.</summary>
    public bool CleanStop { get; set; }

    public long NextRequestId() => ++_requestIds;
}
