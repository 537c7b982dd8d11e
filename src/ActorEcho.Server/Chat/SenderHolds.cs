using Akka.Actor;
using ActorEcho.Server.Runtime;

namespace ActorEcho.Server.Chat;

/// <summary>
/// The hub's back-pressure bookkeeping: which congested members hold which senders. A member that
/// reports congestion holds every other member of its room (anyone who joins that room meanwhile
/// too) and every session that sends it a <c>/msg</c>; a session is told to hold its input when the
/// first congested member holds it and to go on when the last one lets go. Only the hub uses it.
/// </summary>
internal sealed class SenderHolds
{
    // Congested member -> the sessions it holds.
    private readonly Dictionary<IActorRef, HashSet<IActorRef>> _holding = [];

    // Session -> the congested members holding it.
    private readonly Dictionary<IActorRef, HashSet<IActorRef>> _heldBy = [];

    private readonly IActorRef _hub;
    private readonly ServerCounters _counters;

    public SenderHolds(IActorRef hub, ServerCounters counters)
    {
        _hub = hub;
        _counters = counters;
    }

    /// <summary>Congested members right now.</summary>
    public IEnumerable<IActorRef> Congested => _holding.Keys;

    public bool IsCongested(IActorRef member) => _holding.ContainsKey(member);

    /// <summary><paramref name="member"/> is congested: it holds <paramref name="senders"/> (itself excepted).</summary>
    public void BecameCongested(IActorRef member, IEnumerable<IActorRef> senders)
    {
        _holding.TryAdd(member, []);
        foreach (var sender in senders)
        {
            Hold(sender, member);
        }
    }

    /// <summary><paramref name="sender"/> sends to congested <paramref name="member"/>: it is held too (no-op when the member is not congested).</summary>
    public void Hold(IActorRef sender, IActorRef member)
    {
        if (sender.Equals(member) || !_holding.TryGetValue(member, out var held) || !held.Add(sender))
        {
            return;
        }

        if (!_heldBy.TryGetValue(sender, out var by))
        {
            _heldBy[sender] = by = [];
        }

        by.Add(member);
        if (by.Count == 1)
        {
            // Told before counted: whoever sees the count and then writes to the session finds
            // the hold ahead of its bytes.
            sender.Tell(new ChatProtocol.HoldInput(true), _hub);
            _counters.InputHeld(true);
        }
    }

    /// <summary><paramref name="member"/> is no longer congested (or is gone): everyone it held may go on, unless someone else holds them.</summary>
    public void Relieved(IActorRef member)
    {
        if (!_holding.Remove(member, out var held))
        {
            return;
        }

        foreach (var sender in held)
        {
            Release(sender, member);
        }
    }

    /// <summary>
    /// <paramref name="session"/> left its room: it holds nobody and nobody holds it any more (it is
    /// told to go on if it was held), but if it was congested it stays so, and holds whoever it
    /// meets next.
    /// </summary>
    public void LeftRoom(IActorRef session)
    {
        var congested = _holding.ContainsKey(session);
        Forget(session);
        if (congested)
        {
            _holding[session] = [];
        }
    }

    /// <summary>
    /// <paramref name="session"/> left the server (or left its room, see <see cref="LeftRoom"/>): it
    /// holds nobody any more and nobody holds it, and if it was held it is told to go on (also when
    /// it has left the server: a session that restarted keeps its ref).
    /// </summary>
    public void Forget(IActorRef session)
    {
        Relieved(session);
        if (!_heldBy.Remove(session, out var by))
        {
            return;
        }

        foreach (var member in by)
        {
            _holding[member].Remove(session);
        }

        _counters.InputHeld(false);
        session.Tell(new ChatProtocol.HoldInput(false), _hub);
    }

    private void Release(IActorRef sender, IActorRef member)
    {
        if (_heldBy.TryGetValue(sender, out var by) && by.Remove(member) && by.Count == 0)
        {
            _heldBy.Remove(sender);
            _counters.InputHeld(false);
            sender.Tell(new ChatProtocol.HoldInput(false), _hub);
        }
    }
}
