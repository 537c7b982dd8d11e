using Akka.Actor;
using ActorEcho.Server.Protocol;
using static ActorEcho.Server.Cluster.ClusterChatProtocol;

namespace ActorEcho.Server.Cluster;

/// <summary>
/// A hub's copy of the sessions on the other nodes, built from their hubs' event streams: who is
/// where, under which nick, and who is congested. It answers the cluster-wide half of
/// <c>/who</c>, <c>/rooms</c>, the member count of <c>OK joined</c>, and where <c>/msg NICK</c>
/// goes. Only the hub touches it. Indexed by session, by nick and by room, all ignoring case.
/// </summary>
internal sealed class ClusterView
{
    private readonly Dictionary<IActorRef, PeerHub> _peers = [];
    private readonly Dictionary<IActorRef, RemoteSession> _sessions = [];
    private readonly Dictionary<string, RemoteSession> _nicks = new(NameRules.Comparer);
    private readonly Dictionary<string, List<RemoteSession>> _rooms = new(NameRules.Comparer);

    public IEnumerable<PeerHub> Peers => _peers.Values;

    public IEnumerable<RemoteSession> Sessions => _sessions.Values;

    /// <summary>Rooms with members on other nodes, each with the spelling of its first such member's hub and the count.</summary>
    public IEnumerable<KeyValuePair<string, int>> Rooms => _rooms.Select(r => KeyValuePair.Create(r.Value[0].Room!, r.Value.Count));

    public bool TryGetPeer(IActorRef hub, out PeerHub peer) => _peers.TryGetValue(hub, out peer!);

    /// <summary>Starts following <paramref name="hub"/>; another hub still known on the same node (an earlier incarnation) is dropped, and its sessions returned.</summary>
    public PeerHub AddPeer(IActorRef hub, Address node, out IReadOnlyList<RemoteSession> replaced)
    {
        replaced = RemoveNode(node);
        var peer = new PeerHub(hub, node);
        _peers.Add(hub, peer);
        return peer;
    }

    /// <summary>Forgets every hub on <paramref name="node"/> and returns their sessions.</summary>
    public IReadOnlyList<RemoteSession> RemoveNode(Address node)
    {
        var removed = new List<RemoteSession>();
        foreach (var peer in _peers.Values.Where(p => p.Node.Equals(node)).ToArray())
        {
            removed.AddRange(Clear(peer));
            _peers.Remove(peer.Hub);
        }

        return removed;
    }

    /// <summary>Empties <paramref name="peer"/>'s part of the copy and returns the sessions it had.</summary>
    public IReadOnlyList<RemoteSession> Clear(PeerHub peer)
    {
        var removed = new List<RemoteSession>(peer.Sessions.Count);
        foreach (var session in peer.Sessions.ToArray())
        {
            if (Remove(session) is { } gone)
            {
                removed.Add(gone);
            }
        }

        return removed;
    }

    public RemoteSession? Find(IActorRef session) => _sessions.GetValueOrDefault(session);

    public RemoteSession? FindNick(string nick) => _nicks.GetValueOrDefault(nick);

    public IReadOnlyList<RemoteSession> RoomMembers(string room) =>
        _rooms.TryGetValue(room, out var members) ? members : [];

    /// <summary>The spelling other nodes use for <paramref name="room"/>, or null when it has no members there.</summary>
    public string? RoomName(string room) => _rooms.TryGetValue(room, out var members) ? members[0].Room : null;

    /// <summary>Sets a session of <paramref name="peer"/> to <paramref name="entry"/>, adding it if new.</summary>
    public RemoteSession Upsert(PeerHub peer, SessionEntry entry)
    {
        if (!_sessions.TryGetValue(entry.Session, out var session))
        {
            session = new RemoteSession(entry.Session, peer, entry.Nick);
            _sessions.Add(entry.Session, session);
            peer.Sessions.Add(entry.Session);
        }
        else
        {
            Unindex(session);
        }

        session.Nick = entry.Nick;
        session.Room = entry.Room;
        session.Congested = entry.Congested;
        Index(session);
        return session;
    }

    public RemoteSession? Remove(IActorRef session)
    {
        if (!_sessions.Remove(session, out var gone))
        {
            return null;
        }

        gone.Peer.Sessions.Remove(session);
        Unindex(gone);
        return gone;
    }

    private void Index(RemoteSession session)
    {
        // A nick held twice (only possible while the registry rebuilds after a split) keeps the first holder findable.
        _nicks.TryAdd(session.Nick, session);
        if (session.Room is { } room)
        {
            if (!_rooms.TryGetValue(room, out var members))
            {
                _rooms[room] = members = [];
            }

            members.Add(session);
        }
    }

    private void Unindex(RemoteSession session)
    {
        if (_nicks.TryGetValue(session.Nick, out var holder) && ReferenceEquals(holder, session))
        {
            _nicks.Remove(session.Nick);
        }

        if (session.Room is { } room && _rooms.TryGetValue(room, out var members))
        {
            members.Remove(session);
            if (members.Count == 0)
            {
                _rooms.Remove(room);
            }
        }
    }
}
