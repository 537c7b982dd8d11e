using System.Globalization;
using Akka.Actor;
using Akka.Event;
using ActorEcho.Server.Cluster;
using ActorEcho.Server.Outbound;
using ActorEcho.Server.Protocol;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Chat;

/// <summary>
/// Owns every room and the server-wide nick registry.
/// <para>
/// One hub rather than an actor per room: nicks are unique across the whole server, and
/// <c>/msg</c>, <c>/who</c> (outside a room), <c>/rooms</c> and a nick change seen by a room all
/// need that global view. In one actor every such question has one consistent answer (no
/// registry-versus-room races, the member count in <c>OK joined</c> is exact), and every member of a
/// room sees the room's lines in the same order. The hub never waits on a member: it builds each
/// line once and <c>Tell</c>s it to every other member, whose session queues it in its own outbound
/// queue, and answers the sender with <see cref="ChatProtocol.Said"/> (a session keeps only a few
/// lines in flight). With the back-pressure policy a member whose queue passes its high-water mark
/// reports <see cref="ChatProtocol.Congestion"/>, and the hub holds the input of everyone who sends
/// to it (<see cref="SenderHolds"/>) until it reports relief or leaves: senders slow down instead of
/// lines being dropped.
/// </para>
/// <para>
/// In cluster mode (<c>ChatHub.Cluster.cs</c>, <c>ChatHub.Nicks.cs</c>) the hub stays the authority
/// for its own node's sessions and rooms, publishes what they do to the other nodes' hubs, passes
/// their lines and notices to its own members, keeps a copy of their sessions
/// (<see cref="ClusterView"/>) for the cluster-wide answers, and leaves nick claims to the cluster's
/// <see cref="NickRegistry"/>. On a single node none of that exists.
/// </para>
/// A session says goodbye (<see cref="ChatProtocol.Disconnect"/>) when it stops, and its listener,
/// which watches it anyway, says it again on the session's behalf once it has terminated, so a
/// session that stops without saying goodbye still leaves its room. The hub does not watch
/// sessions itself: with thousands connected, a second watch on each would only cost memory.
/// </summary>
internal sealed partial class ChatHub : UntypedActor, IWithTimers
{
    private readonly ServerCounters _counters;
    private readonly Dictionary<IActorRef, ChatMember> _members = [];
    private readonly Dictionary<string, IActorRef> _nicks = new(NameRules.Comparer);
    private readonly Dictionary<string, ChatRoom> _rooms = new(NameRules.Comparer);
    private readonly SenderHolds _holds;
    private readonly ClusterSettings _clusterSettings;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    // The other nodes' sessions; null on a single node.
    private readonly ClusterView? _view;

    public ChatHub(ServerCounters counters, ClusterSettings cluster)
    {
        _counters = counters;
        _clusterSettings = cluster;
        _holds = new SenderHolds(Self, counters);
        _view = cluster.Enabled ? new ClusterView() : null;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        if (_view is not null)
        {
            StartCluster();
        }
    }

    protected override void PostStop()
    {
        if (_view is not null)
        {
            StopCluster();
        }
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case ChatProtocol.Connect connect:
                OnConnect(connect);
                break;
            case ChatProtocol.Disconnect:
                RemoveMember(Sender);
                break;
            case ChatProtocol.Say say:
                OnSay(say);
                break;
            case ChatProtocol.Congestion congestion:
                OnCongestion(congestion);
                break;
            case ChatProtocol.Join join:
                OnJoin(join);
                break;
            case ChatProtocol.Leave:
                if (_members.TryGetValue(Sender, out var leaver))
                {
                    LeaveRoom(Sender, leaver);
                }

                break;
            case ChatProtocol.ChangeNick change:
                OnChangeNick(change);
                break;
            case ChatProtocol.PrivateMessage pm:
                OnPrivateMessage(pm);
                break;
            case ChatProtocol.Who who:
                OnWho(who);
                break;
            case ChatProtocol.Rooms rooms:
                Sender.Tell(new ChatProtocol.Reply(rooms.RequestId, ServerReplies.Rooms(AllRooms())), Self);
                break;
            default:
                if (_view is null || !OnClusterMessage(message))
                {
                    Unhandled(message);
                }

                break;
        }
    }

    private void OnConnect(ChatProtocol.Connect connect)
    {
        // A restarted session connects again under the same ref: start it over cleanly.
        RemoveMember(Sender);
        var member = new ChatMember(connect.SessionNumber, connect.Nick);
        _members[Sender] = member;
        _nicks[connect.Nick] = Sender;
        PublishSession(Sender, member, oldNick: null, oldRoom: null);
    }

    private void RemoveMember(IActorRef session)
    {
        if (!_members.Remove(session, out var member))
        {
            return;
        }

        LeaveRoom(session, member);

        // A release even to a session that is gone: one that restarted keeps its ref, and a hold
        // sent just before its goodbye would otherwise reach the new incarnation with nothing to
        // lift it (messages from the hub to one session keep their order, so the release comes after).
        _holds.Forget(session);
        if (_nicks.TryGetValue(member.Nick, out var owner) && owner.Equals(session))
        {
            _nicks.Remove(member.Nick);
        }

        ReleaseNick(session, member.Nick);
        PublishGone(session);
    }

    private void OnSay(ChatProtocol.Say say)
    {
        if (_members.TryGetValue(Sender, out var member) && member.Room is { } room)
        {
            Broadcast(room, Sender, ServerReplies.RoomLine(room.Name, member.Nick, say.Text));
            PublishLine(room, member, say.Text);
        }

        // Always answered: the session counts its lines in flight.
        Sender.Tell(ChatProtocol.Said.Instance, Self);
    }

    private void OnCongestion(ChatProtocol.Congestion congestion)
    {
        if (!_members.TryGetValue(Sender, out var member))
        {
            return;
        }

        if (congestion.Congested)
        {
            _holds.BecameCongested(Sender, member.Room?.Members ?? []);
        }
        else
        {
            _holds.Relieved(Sender);
        }

        PublishSession(Sender, member, member.Nick, member.Room?.Name);
    }

    private void OnJoin(ChatProtocol.Join join)
    {
        if (!_members.TryGetValue(Sender, out var member))
        {
            return;
        }

        LeaveRoom(Sender, member);
        if (!_rooms.TryGetValue(join.Room, out var room))
        {
            // In a cluster a room keeps the spelling the other nodes already use.
            room = new ChatRoom(_view?.RoomName(join.Room) ?? join.Room);
            _rooms.Add(room.Name, room);
        }

        Broadcast(room, Sender, ServerReplies.MemberJoined(room.Name, member.Nick));
        room.Members.Add(Sender);
        member.Room = room;
        HoldOnJoin(Sender, room);
        PublishSession(Sender, member, member.Nick, oldRoom: null);
        CountRooms();
        var members = room.Members.Count + (_view?.RoomMembers(room.Name).Count ?? 0);
        Sender.Tell(new ChatProtocol.Joined(join.RequestId, room.Name, members), Self);
    }

    private void LeaveRoom(IActorRef session, ChatMember member)
    {
        if (member.Room is not { } room)
        {
            return;
        }

        member.Room = null;
        room.Members.Remove(session);
        _holds.LeftRoom(session);
        PublishSession(session, member, member.Nick, room.Name);
        if (room.Members.Count == 0)
        {
            // Only rooms with members exist.
            _rooms.Remove(room.Name);
            CountRooms();
            return;
        }

        Broadcast(room, session, ServerReplies.MemberLeft(room.Name, member.Nick));
    }

    private void OnChangeNick(ChatProtocol.ChangeNick change)
    {
        if (!_members.TryGetValue(Sender, out var member))
        {
            return;
        }

        var taken = _nicks.TryGetValue(change.Nick, out var owner) && !owner.Equals(Sender);
        if (taken || IsOthersGuestNick(change.Nick, member.SessionNumber))
        {
            Sender.Tell(new ChatProtocol.Reply(change.RequestId, ServerReplies.NickInUse(change.Nick)), Self);
            return;
        }

        // In a cluster a new nick is the registry's to grant; a default nick or a change of case is not.
        if (_view is not null && !IsGuestNick(change.Nick) && !NameRules.Comparer.Equals(change.Nick, member.Nick))
        {
            ClaimNick(Sender, member, change);
            return;
        }

        RenameMember(Sender, member, change.Nick, change.RequestId);
    }

    /// <summary>The nick is granted: the member takes it, its room hears of it, the session gets its answer.</summary>
    private void RenameMember(IActorRef session, ChatMember member, string nick, long requestId)
    {
        var old = member.Nick;
        _nicks.Remove(old);
        _nicks[nick] = session;
        member.Nick = nick;
        if (member.Room is { } room && !string.Equals(old, nick, StringComparison.Ordinal))
        {
            Broadcast(room, session, ServerReplies.MemberRenamed(room.Name, old, nick));
        }

        PublishSession(session, member, old, member.Room?.Name);
        if (!NameRules.Comparer.Equals(old, nick))
        {
            ReleaseNick(session, old);
        }

        session.Tell(new ChatProtocol.NickChanged(requestId, nick), Self);
    }

    private void OnPrivateMessage(ChatProtocol.PrivateMessage pm)
    {
        if (!_members.TryGetValue(Sender, out var member))
        {
            return;
        }

        if (_nicks.TryGetValue(pm.To, out var recipient))
        {
            recipient.Tell(new ChatProtocol.Deliver(Lines.From(ServerReplies.PrivateMessage(member.Nick, pm.Text))), Self);
            _holds.Hold(Sender, recipient);
            Sender.Tell(new ChatProtocol.Reply(pm.RequestId, ReadOnlyMemory<byte>.Empty), Self);
            return;
        }

        if (_view is not null)
        {
            SendRemotePrivateMessage(Sender, member, pm);
            return;
        }

        Sender.Tell(new ChatProtocol.Reply(pm.RequestId, ServerReplies.NoSuchNick(pm.To)), Self);
    }

    private void OnWho(ChatProtocol.Who who)
    {
        if (!_members.TryGetValue(Sender, out var member))
        {
            return;
        }

        ReadOnlyMemory<byte> line;
        if (who.Room is { } asked)
        {
            // Any room, joined or not; one nobody is in lists nobody.
            var local = _rooms.TryGetValue(asked, out var named) ? named : null;
            var name = local?.Name ?? RemoteRoomName(asked) ?? asked;
            var nicks = (local?.Members.Select(m => _members[m].Nick) ?? []).Concat(RemoteNicks(name));
            line = ServerReplies.Who(name, nicks);
        }
        else
        {
            line = member.Room is { } room
                ? ServerReplies.Who(room.Name, room.Members.Select(m => _members[m].Nick).Concat(RemoteNicks(room.Name)))
                : ServerReplies.Who(null, _members.Values.Select(m => m.Nick).Concat(RemoteNicks(null)));
        }

        Sender.Tell(new ChatProtocol.Reply(who.RequestId, line), Self);
    }

    /// <summary>Every room with its member count: this node's, and in a cluster the other nodes' too.</summary>
    private IEnumerable<KeyValuePair<string, int>> AllRooms()
    {
        if (_view is null)
        {
            return _rooms.Values.Select(r => KeyValuePair.Create(r.Name, r.Members.Count));
        }

        var merged = new Dictionary<string, KeyValuePair<string, int>>(NameRules.Comparer);
        foreach (var room in _rooms.Values)
        {
            merged[room.Name] = KeyValuePair.Create(room.Name, room.Members.Count);
        }

        foreach (var (name, count) in _view.Rooms)
        {
            merged[name] = merged.TryGetValue(name, out var local)
                ? KeyValuePair.Create(local.Key, local.Value + count)
                : KeyValuePair.Create(name, count);
        }

        return merged.Values;
    }

    /// <summary>Keeps <c>rooms=</c> of <c>/stats</c> right: this node's rooms, or in a cluster every node's.</summary>
    private void CountRooms() => _counters.SetRooms(_view is null ? _rooms.Count : AllRooms().Count());

    /// <summary>A session joined <paramref name="room"/>: congested members there hold it, and if it is congested itself it holds them.</summary>
    private void HoldOnJoin(IActorRef session, ChatRoom room)
    {
        foreach (var congested in _holds.Congested.ToArray())
        {
            if (room.Members.Contains(congested) || IsRemoteMemberOf(congested, room))
            {
                _holds.Hold(session, congested);
            }
        }

        if (_holds.IsCongested(session))
        {
            foreach (var other in room.Members)
            {
                _holds.Hold(other, session);
            }
        }
    }

    private void Broadcast(ChatRoom room, IActorRef except, ReadOnlyMemory<byte> line)
    {
        // One buffer for the whole room: every member's write shares it.
        var delivery = new ChatProtocol.Deliver(Lines.From(line));
        foreach (var member in room.Members)
        {
            if (!member.Equals(except))
            {
                member.Tell(delivery, Self);
            }
        }
    }

    // guest-N nicks are reserved for the session numbered N, so a default nick is always free.
    private static bool IsOthersGuestNick(string nick, long sessionNumber) =>
        IsGuestNick(nick)
        && !string.Equals(nick[6..], sessionNumber.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static bool IsGuestNick(string nick) =>
        nick.StartsWith("guest-", StringComparison.OrdinalIgnoreCase)
        && nick.Length > 6
        && nick.AsSpan(6).IndexOfAnyExceptInRange('0', '9') < 0;
}
