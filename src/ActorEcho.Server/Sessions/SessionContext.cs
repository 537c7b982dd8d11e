using System.Net;
using ActorEcho.Actors;
using ActorEcho.Server.Outbound;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Sessions;

/// <summary>
/// The part of a session that survives a supervisor restart. The listener creates one per
/// connection and captures it in the session's Props factory, so every incarnation of the actor
/// gets the same object: the connection, the session number, the outbound queue (bytes already
/// accepted for the client are never lost to a restart), the failure history that decides when to
/// give up, and the request-id sequence. Nick, room, parser and rate limiter are deliberately NOT
/// here: a restart resets them. Only the session actor touches it, one incarnation at a time.
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
    }

    public ServerRuntime Runtime { get; }

    /// <summary>The connection actor this session is the registered handler of.</summary>
    public IActorRef Connection { get; }

    /// <summary>The server-wide session number (guest-N, log id).</summary>
    public long Number { get; }

    public EndPoint Remote { get; }

    /// <summary>Created by the incarnation that first has output (it needs the actor's ref), reused by the next ones; null while nothing was ever sent.</summary>
    public OutboundQueue? Outbound { get; set; }

    /// <summary>When each restart happened (the scheduler's monotonic clock), oldest first; null until the first restart.</summary>
    public List<TimeSpan>? Restarts { get; set; }

    /// <summary>Set just before the session stops itself: the connection is closed or closing on purpose.</summary>
    public bool CleanStop { get; set; }

    public long NextRequestId() => ++_requestIds;

    /// <summary>
    /// The session's Props factory: a new incarnation on this context. A method of the context, not
    /// a lambda, so the Props kept for restarts hold one delegate and no closure per connection.
    /// </summary>
    public SessionActor NewIncarnation() => new(this);
}
