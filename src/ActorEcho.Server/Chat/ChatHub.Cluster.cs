using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Cluster.Tools.Singleton;
using ActorEcho.Server.Cluster;
using ActorEcho.Server.Logging;
using ActorEcho.Server.Outbound;
using ActorEcho.Server.Protocol;
using static ActorEcho.Server.Cluster.ClusterChatProtocol;

namespace ActorEcho.Server.Chat;

/// <summary>
/// Cluster mode: what the hub publishes about its own sessions, what it does with the other hubs'
/// events, and cluster membership. The other hubs' lines and notices go to this node's members as
/// they arrive; the copy of their sessions (<see cref="ClusterView"/>) changes in each hub's stream
/// order (<see cref="PeerHub"/>). A node that is downed or removed takes its sessions with it: they
/// leave their rooms here (with <c>* NICK left</c>) and hold nobody any more.
/// </summary>
internal sealed partial class ChatHub
{
    // Snapshot parts stay well inside remoting's default frame size (128,000 bytes).
    private const int SnapshotPartSize = 500;

    // A sync request that got no answer is sent again after this long.
    private static readonly TimeSpan SyncRetry = TimeSpan.FromSeconds(3);

    private readonly HashSet<Address> _memberNodes = [];
    private readonly HashSet<Address> _upNodes = [];
    private Akka.Cluster.Cluster? _cluster;
    private IActorRef _mediator = ActorRefs.Nobody;
    private long _seq;

    /// <summary>The path every node starts the nick registry's <c>ClusterSingletonManager</c> at.</summary>
    public const string RegistryManagerName = "actorecho-nick-registry";

    private void StartCluster()
    {
        // nodes=0 until this node hears it is Up: the STATS line of a cluster node always has the key.
        _counters.SetNodes(0);
        _cluster = Akka.Cluster.Cluster.Get(Context.System);
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        _mediator.Tell(new Subscribe(Topic, Self), Self);
        _registry = Context.ActorOf(
            ClusterSingletonProxy.Props("/user/" + RegistryManagerName, ClusterSingletonProxySettings.Create(Context.System)),
            "nick-registry");
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent));
        Timers.StartPeriodicTimer(HeartbeatTick.Instance, HeartbeatTick.Instance, _clusterSettings.HeartbeatInterval);
    }

    private void StopCluster() => _cluster?.Unsubscribe(Self);

    private bool OnClusterMessage(object message)
    {
        switch (message)
        {
            case IHubEvent or HubHeartbeat when Sender.Equals(Self):
                // Our own publication, back from the topic.
                break;
            case IHubEvent @event:
                if (FromMember(Sender))
                {
                    OnPeerEvent(PeerOf(Sender), @event);
                }

                break;
            case HubHeartbeat heartbeat:
                if (FromMember(Sender) && PeerOf(Sender) is var peer && peer.IsBehind(heartbeat.Seq))
                {
                    RequestSync(peer, "it is ahead of this copy");
                }

                break;
            case SyncRequest:
                SendSnapshot(Sender);
                break;
            case SyncSnapshot snapshot:
                if (FromMember(Sender))
                {
                    OnSnapshot(PeerOf(Sender), snapshot);
                }

                break;
            case PrivateLine line:
                if (_members.ContainsKey(line.To))
                {
                    line.To.Tell(new ChatProtocol.Deliver(Lines.From(ServerReplies.PrivateMessage(line.From, line.Text))), Self);
                }

                break;
            case HeartbeatTick:
                _mediator.Tell(new Publish(Topic, new HubHeartbeat(_seq)), Self);
                break;
            case ClusterEvent.IMemberEvent change:
                OnMemberEvent(change);
                break;
            case SubscribeAck:
                break;
            case GetSyncedPeers:
                Sender.Tell(new SyncedPeers(_view!.Peers.Where(p => p.Synced).Select(p => p.Node).ToArray()), Self);
                break;
            default:
                return OnRegistryMessage(message);
        }

        return true;
    }

    private void OnMemberEvent(ClusterEvent.IMemberEvent change)
    {
        var node = change.Member.Address;
        switch (change)
        {
            case ClusterEvent.MemberDowned or ClusterEvent.MemberRemoved:
                _memberNodes.Remove(node);
                _upNodes.Remove(node);
                if (!node.Equals(_cluster!.SelfAddress))
                {
                    DropNode(node, change is ClusterEvent.MemberDowned ? "was downed" : "was removed");
                }

                break;
            case ClusterEvent.MemberUp or ClusterEvent.MemberWeaklyUp or ClusterEvent.MemberJoined:
                _memberNodes.Add(node);
                if (change.Member.Status == MemberStatus.Up)
                {
                    _upNodes.Add(node);
                }

                break;
            default:
                // Leaving or exiting: no longer Up, still a member until removed.
                _upNodes.Remove(node);
                break;
        }

        _counters.SetNodes(_upNodes.Count);
    }

    // Events from a node that was downed or removed (still in flight) must not bring it back.
    private bool FromMember(IActorRef hub) => _memberNodes.Contains(hub.Path.Address);

    private PeerHub PeerOf(IActorRef hub)
    {
        if (_view!.TryGetPeer(hub, out var peer))
        {
            return peer;
        }

        peer = _view.AddPeer(hub, hub.Path.Address, out var replaced);
        Forget(replaced, tellRooms: true);
        return peer;
    }

    private void OnPeerEvent(PeerHub peer, IHubEvent @event)
    {
        Notify(@event);
        switch (peer.Order(@event))
        {
            case EventOrder.Next:
                Apply(peer, @event);
                CountRooms();
                break;
            case EventOrder.Kept:
                RequestSync(peer, peer.AppliedSeq == 0 ? "a new hub" : "events were missed");
                break;
        }
    }

    /// <summary>Passes another hub's line or notice to this node's members of the room, as it arrives.</summary>
    private void Notify(IHubEvent @event)
    {
        switch (@event)
        {
            case RoomLine line when _rooms.TryGetValue(line.Room, out var room):
                Broadcast(room, ActorRefs.Nobody, ServerReplies.RoomLine(room.Name, line.Nick, line.Text));
                break;
            case SessionChanged { OldRoom: { } left, Session.Room: null } change when _rooms.TryGetValue(left, out var room):
                Broadcast(room, ActorRefs.Nobody, ServerReplies.MemberLeft(room.Name, change.Session.Nick));
                break;
            case SessionChanged { OldRoom: null, Session.Room: { } joined } change when _rooms.TryGetValue(joined, out var room):
                Broadcast(room, ActorRefs.Nobody, ServerReplies.MemberJoined(room.Name, change.Session.Nick));
                break;
            case SessionChanged { OldRoom: not null, OldNick: { } old, Session: { Room: { } same } entry }
                when !string.Equals(old, entry.Nick, StringComparison.Ordinal) && _rooms.TryGetValue(same, out var room):
                Broadcast(room, ActorRefs.Nobody, ServerReplies.MemberRenamed(room.Name, old, entry.Nick));
                break;
        }
    }

    /// <summary>Applies another hub's event to the copy of its sessions, and to who holds whom here.</summary>
    private void Apply(PeerHub peer, IHubEvent @event)
    {
        switch (@event)
        {
            case SessionChanged change:
                var before = _view!.Find(change.Session.Session);
                var wasCongested = before?.Congested ?? false;
                var oldRoom = before?.Room;
                var session = _view.Upsert(peer, change.Session);
                if (wasCongested != session.Congested || !NameRules.Comparer.Equals(oldRoom, session.Room))
                {
                    HoldForRemote(session, wasCongested);
                }

                break;
            case SessionGone gone:
                if (_view!.Remove(gone.Session) is not null)
                {
                    _holds.Forget(gone.Session);
                }

                break;
        }
    }

    /// <summary>A session on another node is (or no longer is) congested, or moved: this node's senders to it are held accordingly.</summary>
    private void HoldForRemote(RemoteSession session, bool wasCongested)
    {
        if (wasCongested)
        {
            _holds.Relieved(session.Session);
        }

        if (session.Congested)
        {
            var members = session.Room is { } room && _rooms.TryGetValue(room, out var local) ? local.Members : [];
            _holds.BecameCongested(session.Session, members);
        }
    }

    private bool IsRemoteMemberOf(IActorRef session, ChatRoom room) =>
        _view?.Find(session) is { Room: { } remoteRoom } && NameRules.Comparer.Equals(remoteRoom, room.Name);

    /// <summary>How the other nodes spell <paramref name="room"/> (rooms match case-insensitively); null when no remote session is in it.</summary>
    private string? RemoteRoomName(string room) => _view?.RoomName(room);

    private IEnumerable<string> RemoteNicks(string? room) =>
        _view is null ? [] : room is null ? _view.Sessions.Select(s => s.Nick) : _view.RoomMembers(room).Select(s => s.Nick);

    private void RequestSync(PeerHub peer, string reason)
    {
        var now = Context.System.Scheduler.MonotonicClock;
        if (peer.ShouldRequestSync(now, SyncRetry))
        {
            _log.PeerHubSyncing(peer.Hub.Path.ToString(), reason);
            peer.SyncRequested(now);
            peer.Hub.Tell(SyncRequest.Instance, Self);
        }
    }

    private void SendSnapshot(IActorRef to)
    {
        var entries = _members.Select(m => Entry(m.Key, m.Value)).ToArray();
        for (var start = 0; start == 0 || start < entries.Length; start += SnapshotPartSize)
        {
            var part = entries.AsSpan(start, Math.Min(SnapshotPartSize, entries.Length - start)).ToArray();
            to.Tell(new SyncSnapshot(_seq, part, start + SnapshotPartSize >= entries.Length), Self);
        }
    }

    private void OnSnapshot(PeerHub peer, SyncSnapshot part)
    {
        if (peer.TakeSnapshotPart(part) is not { } sessions)
        {
            return;
        }

        // Whoever vanished in between leaves without a notice: the notice, if any, came with its event.
        Forget(_view!.Clear(peer), tellRooms: false);
        foreach (var entry in sessions)
        {
            var session = _view.Upsert(peer, entry);
            if (session.Congested)
            {
                HoldForRemote(session, wasCongested: false);
            }
        }

        foreach (var @event in peer.Synchronised(part.Seq))
        {
            Apply(peer, @event);
        }

        _log.PeerHubSynced(peer.Hub.Path.ToString(), peer.Sessions.Count, peer.AppliedSeq);
        if (!peer.Synced)
        {
            RequestSync(peer, "events were missed");
        }

        CountRooms();
    }

    /// <summary>A node is gone: its sessions leave their rooms here and hold nobody.</summary>
    private void DropNode(Address node, string why)
    {
        // Downed, then removed: the second event finds nothing left to drop.
        if (!_view!.Peers.Any(p => p.Node.Equals(node)))
        {
            return;
        }

        var gone = _view.RemoveNode(node);
        Forget(gone, tellRooms: true);
        _log.NodeDropped(node.ToString(), why, gone.Count);
        CountRooms();
    }

    private void Forget(IReadOnlyList<RemoteSession> sessions, bool tellRooms)
    {
        foreach (var session in sessions)
        {
            _holds.Forget(session.Session);
            if (tellRooms && session.Room is { } left && _rooms.TryGetValue(left, out var room))
            {
                Broadcast(room, ActorRefs.Nobody, ServerReplies.MemberLeft(room.Name, session.Nick));
            }
        }
    }

    private void PublishSession(IActorRef session, ChatMember member, string? oldNick, string? oldRoom)
    {
        if (_view is not null)
        {
            Publish(new SessionChanged(++_seq, Entry(session, member), oldNick, oldRoom));
        }
    }

    private void PublishGone(IActorRef session)
    {
        if (_view is not null)
        {
            Publish(new SessionGone(++_seq, session));
        }
    }

    private void PublishLine(ChatRoom room, ChatMember member, string text)
    {
        if (_view is not null)
        {
            Publish(new RoomLine(++_seq, room.Name, member.Nick, text));
        }
    }

    private void Publish(IHubEvent @event) => _mediator.Tell(new Publish(Topic, @event), Self);

    private SessionEntry Entry(IActorRef session, ChatMember member) =>
        new(session, member.Nick, member.Room?.Name, _holds.IsCongested(session));

    /// <summary>Time to tell the other hubs how far this hub's stream has got.</summary>
    private sealed record HeartbeatTick
    {
        public static HeartbeatTick Instance { get; } = new();
    }
}
