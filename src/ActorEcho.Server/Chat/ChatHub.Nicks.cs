using Akka.Actor;
using ActorEcho.Server.Cluster;
using ActorEcho.Server.Logging;
using ActorEcho.Server.Protocol;
using static ActorEcho.Server.Cluster.NickRegistryProtocol;

namespace ActorEcho.Server.Chat;

/// <summary>
/// Cluster mode: the hub and the <see cref="NickRegistry"/>. A <c>/nick</c> this node cannot refuse
/// by itself is claimed at the registry and answered when it grants or refuses; a <c>/msg</c> to a
/// nick neither this node nor its copy of the others knows is looked up there. Either waits at most
/// <c>nick-registry-timeout</c>, then the session gets <c>ERR nick registry unavailable; try again</c>.
/// The session waits for the answer anyway (it pauses its input for every hub request), so a hub has
/// at most one such question open per session.
/// </summary>
internal sealed partial class ChatHub
{
    private readonly Dictionary<long, PendingClaim> _claims = [];
    private readonly Dictionary<long, PendingFind> _finds = [];
    private IActorRef _registry = ActorRefs.Nobody;
    private long _queries;

    private bool OnRegistryMessage(object message)
    {
        switch (message)
        {
            case NickClaimed claimed:
                OnNickClaimed(claimed);
                break;
            case NickFound found:
                OnNickFound(found);
                break;
            case ReportNicks:
                ReportNicksTo(Sender);
                break;
            case RegistryTimedOut timedOut:
                OnRegistryTimedOut(timedOut.QueryId);
                break;
            default:
                return false;
        }

        return true;
    }

    private void ClaimNick(IActorRef session, ChatMember member, ChatProtocol.ChangeNick change)
    {
        var id = ++_queries;
        _claims.Add(id, new PendingClaim(session, member, change.RequestId));
        _registry.Tell(new ClaimNick(id, session, change.Nick), Self);
        Timers.StartSingleTimer(new RegistryTimedOut(id), new RegistryTimedOut(id), _clusterSettings.RegistryTimeout);
    }

    private void OnNickClaimed(NickClaimed claimed)
    {
        if (!_claims.Remove(claimed.ClaimId, out var claim)
            || !_members.TryGetValue(claim.Session, out var member)
            || !ReferenceEquals(member, claim.Member))
        {
            // Timed out, or the session left (or restarted) meanwhile: a grant nobody takes is given back.
            if (claimed.Granted)
            {
                ReleaseNick(claimed.Session, claimed.Nick);
            }

            return;
        }

        Timers.Cancel(new RegistryTimedOut(claimed.ClaimId));
        if (!claimed.Granted)
        {
            claim.Session.Tell(new ChatProtocol.Reply(claim.RequestId, ServerReplies.NickInUse(claimed.Nick)), Self);
            return;
        }

        RenameMember(claim.Session, claim.Member, claimed.Nick, claim.RequestId);
    }

    /// <summary>A <c>/msg</c> to a nick that is not on this node: to its hub if the copy knows it, else after asking the registry.</summary>
    private void SendRemotePrivateMessage(IActorRef sender, ChatMember member, ChatProtocol.PrivateMessage pm)
    {
        if (_view!.FindNick(pm.To) is { } remote)
        {
            DeliverRemote(sender, member, remote.Peer.Hub, remote.Session, pm.Text);
            sender.Tell(new ChatProtocol.Reply(pm.RequestId, ReadOnlyMemory<byte>.Empty), Self);
            return;
        }

        var id = ++_queries;
        _finds.Add(id, new PendingFind(sender, member, pm));
        _registry.Tell(new FindNick(id, pm.To), Self);
        Timers.StartSingleTimer(new RegistryTimedOut(id), new RegistryTimedOut(id), _clusterSettings.RegistryTimeout);
    }

    private void OnNickFound(NickFound found)
    {
        if (!_finds.Remove(found.QueryId, out var find))
        {
            return;
        }

        Timers.Cancel(new RegistryTimedOut(found.QueryId));
        if (!_members.TryGetValue(find.Sender, out var member) || !ReferenceEquals(member, find.Member))
        {
            return;
        }

        var pm = find.Message;
        if (found is { Session: { } to, Hub: { } hub })
        {
            if (_members.ContainsKey(to))
            {
                to.Tell(new ChatProtocol.Deliver(Outbound.Lines.From(ServerReplies.PrivateMessage(member.Nick, pm.Text))), Self);
                _holds.Hold(find.Sender, to);
            }
            else
            {
                DeliverRemote(find.Sender, member, hub, to, pm.Text);
            }

            find.Sender.Tell(new ChatProtocol.Reply(pm.RequestId, ReadOnlyMemory<byte>.Empty), Self);
            return;
        }

        find.Sender.Tell(new ChatProtocol.Reply(pm.RequestId, ServerReplies.NoSuchNick(pm.To)), Self);
    }

    private void DeliverRemote(IActorRef sender, ChatMember member, IActorRef hub, IActorRef to, string text)
    {
        hub.Tell(new ClusterChatProtocol.PrivateLine(to, member.Nick, text), Self);

        // Held like a /msg on this node when the recipient is congested (its hub publishes that).
        _holds.Hold(sender, to);
    }

    private void OnRegistryTimedOut(long id)
    {
        if (_claims.Remove(id, out var claim))
        {
            _log.NickRegistryUnanswered("a nick claim", _clusterSettings.RegistryTimeout);
            claim.Session.Tell(new ChatProtocol.Reply(claim.RequestId, ServerReplies.NickRegistryUnavailable), Self);
        }
        else if (_finds.Remove(id, out var find))
        {
            _log.NickRegistryUnanswered("a nick lookup", _clusterSettings.RegistryTimeout);
            find.Sender.Tell(new ChatProtocol.Reply(find.Message.RequestId, ServerReplies.NickRegistryUnavailable), Self);
        }
    }

    /// <summary>The registry (re)starts and rebuilds: tell it every nick this node's sessions claimed (default nicks are never claimed).</summary>
    private void ReportNicksTo(IActorRef registry)
    {
        const int partSize = 1_000;
        var nicks = _members.Where(m => !IsGuestNick(m.Value.Nick)).Select(m => new NickEntry(m.Value.Nick, m.Key)).ToArray();
        for (var start = 0; start == 0 || start < nicks.Length; start += partSize)
        {
            var part = nicks.AsSpan(start, Math.Min(partSize, nicks.Length - start)).ToArray();
            registry.Tell(new NicksReport(part, start + partSize >= nicks.Length), Self);
        }
    }

    private void ReleaseNick(IActorRef session, string nick)
    {
        if (_view is not null && !IsGuestNick(nick))
        {
            _registry.Tell(new ReleaseNick(session, nick), Self);
        }
    }

    /// <summary>A claim sent to the registry for <paramref name="Member"/> (the member as it was, so a restarted session's new self is not renamed).</summary>
    private sealed record PendingClaim(IActorRef Session, ChatMember Member, long RequestId);

    /// <summary>A <c>/msg</c> waiting for the registry to say where its nick is.</summary>
    private sealed record PendingFind(IActorRef Sender, ChatMember Member, ChatProtocol.PrivateMessage Message);

    /// <summary>The registry did not answer query <paramref name="QueryId"/> in time (also the timer's key).</summary>
    private sealed record RegistryTimedOut(long QueryId);
}
