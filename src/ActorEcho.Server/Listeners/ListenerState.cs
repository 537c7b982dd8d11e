using Akka.Actor;

namespace ActorEcho.Server.Listeners;

/// <summary>
/// What a listener keeps across its own restart: Akka.IO's TCP listener actor (which stays
/// bound, since the bind handler's ref survives a restart) and the bound address. Captured by the
/// listener's Props factory like a session's <see cref="Sessions.SessionContext"/>.
/// </summary>
internal sealed class ListenerState
{
    public IActorRef? SocketListener { get; set; }

    public System.Net.IPEndPoint? LocalEndPoint { get; set; }

    /// <summary>Set once the bind was answered, so a restarted listener does not bind again.</summary>
    public bool BindAnswered { get; set; }

    /// <summary>
    /// The last number given to a handler's name (<c>session-N</c>, <c>refused-N</c>). Kept here, not in
    /// the listener, because a restarted listener keeps its children: counting from 0 again would
    /// give the next connection the name of a live child and fail the listener once more.
    /// </summary>
    public long HandlerNumbers { get; set; }
}
