using Akka.Actor;

namespace ActorEcho.Server.Cluster;

/// <summary>What a hub knows of a session on another node: its hub, nick, room and congestion, as that hub last published them.</summary>
internal sealed class RemoteSession
{
    public RemoteSession(IActorRef session, PeerHub peer, string nick)
    {
        Session = session;
        Peer = peer;
        Nick = nick;
    }

    public IActorRef Session { get; }

    /// <summary>The hub the session belongs to.</summary>
    public PeerHub Peer { get; }

    public string Nick { get; set; }

    /// <summary>The room as its hub spells it; null outside a room.</summary>
    public string? Room { get; set; }

    public bool Congested { get; set; }
}
