using System.Globalization;
using Akka.Actor;
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
/// A session says goodbye (<see cref="ChatProtocol.Disconnect"/>) when it stops, and its listener,
/// which watches it anyway, says it again on the session's behalf once it has terminated, so a
/// session that stops without saying goodbye still leaves its room. The hub does not watch
/// sessions itself: with thousands connected, a second watch on each would only cost memory.
/// </summary>
internal sealed class ChatHub : UntypedActor
{
    private readonly ServerCounters _counters;
    private readonly Dictionary<IActorRef, ChatMember> _members = [];
    private readonly Dictionary<string, IActorRef> _nicks = new(NameRules.Comparer);
    private readonly Dictionary<string, ChatRoom> _rooms = new(NameRules.Comparer);
    private readonly SenderHolds _holds;

    public ChatHub(ServerCounters counters)
    {
        _counters = counters;
        _holds = new SenderHolds(Self, counters);
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
                Sender.Tell(new ChatProtocol.Reply(rooms.RequestId, ServerReplies.Rooms(_rooms.Values.Select(r => KeyValuePair.Create(r.Name, r.Members.Count)))), Self);
                break;
            default:
                Unhandled(message);
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
    }

    private void OnSay(ChatProtocol.Say say)
    {
        if (_members.TryGetValue(Sender, out var member) && member.Room is { } room)
        {
            Broadcast(room, Sender, ServerReplies.RoomLine(room.Name, member.Nick, say.Text));
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
            room = new ChatRoom(join.Room);
            _rooms.Add(room.Name, room);
            _counters.SetRooms(_rooms.Count);
        }

        Broadcast(room, Sender, ServerReplies.MemberJoined(room.Name, member.Nick));
        room.Members.Add(Sender);
        member.Room = room;
        HoldOnJoin(Sender, room);
        Sender.Tell(new ChatProtocol.Joined(join.RequestId, room.Name, room.Members.Count), Self);
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
        if (room.Members.Count == 0)
        {
            // Only rooms with members exist.
            _rooms.Remove(room.Name);
            _counters.SetRooms(_rooms.Count);
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

        var old = member.Nick;
        _nicks.Remove(old);
        _nicks[change.Nick] = Sender;
        member.Nick = change.Nick;
        if (member.Room is { } room && !string.Equals(old, change.Nick, StringComparison.Ordinal))
        {
            Broadcast(room, Sender, ServerReplies.MemberRenamed(room.Name, old, change.Nick));
        }

        Sender.Tell(new ChatProtocol.NickChanged(change.RequestId, change.Nick), Self);
    }

    private void OnPrivateMessage(ChatProtocol.PrivateMessage pm)
    {
        if (!_members.TryGetValue(Sender, out var member))
        {
            return;
        }

        if (!_nicks.TryGetValue(pm.To, out var recipient))
        {
            Sender.Tell(new ChatProtocol.Reply(pm.RequestId, ServerReplies.NoSuchNick(pm.To)), Self);
            return;
        }

        recipient.Tell(new ChatProtocol.Deliver(Lines.From(ServerReplies.PrivateMessage(member.Nick, pm.Text))), Self);
        _holds.Hold(Sender, recipient);
        Sender.Tell(new ChatProtocol.Reply(pm.RequestId, ReadOnlyMemory<byte>.Empty), Self);
    }

    private void OnWho(ChatProtocol.Who who)
    {
        if (!_members.TryGetValue(Sender, out var member))
        {
            return;
        }

        var line = member.Room is { } room
            ? ServerReplies.Who(room.Name, room.Members.Select(m => _members[m].Nick))
            : ServerReplies.Who(null, _members.Values.Select(m => m.Nick));
        Sender.Tell(new ChatProtocol.Reply(who.RequestId, line), Self);
    }

    /// <summary>A session joined <paramref name="room"/>: congested members there hold it, and if it is congested itself it holds them.</summary>
    private void HoldOnJoin(IActorRef session, ChatRoom room)
    {
        foreach (var congested in _holds.Congested.ToArray())
        {
            if (room.Members.Contains(congested))
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
        nick.StartsWith("guest-", StringComparison.OrdinalIgnoreCase)
        && nick.Length > 6
        && nick.AsSpan(6).IndexOfAnyExceptInRange('0', '9') < 0
        && !string.Equals(nick[6..], sessionNumber.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
