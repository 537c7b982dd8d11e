using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using ActorEcho.Server.Protocol;
using static ActorEcho.Server.Cluster.NickRegistryProtocol;

namespace ActorEcho.Server.Cluster;

/// <summary>
/// The cluster's nick registry: a cluster singleton (one instance, on the oldest node, run by
/// <c>ClusterSingletonManager</c>) that grants claims one at a time, so when two sessions on two
/// nodes ask for the same nick at once exactly one gets it. Its state lives only in memory: when
/// it starts (first, or again on another node after its node died or left) it is rebuilt from the
/// sessions that are still there. It asks every hub to report (published on the chat topic, again
/// every second) and answers claims only once every node that is Up has reported, or after
/// <c>nick-registry-rebuild-timeout</c>; requests meanwhile wait in its stash. When a node is
/// downed or removed, its nicks are free again.
/// <para>States: <see cref="Rebuilding"/>, then <see cref="Serving"/>.</para>
/// </summary>
internal sealed class NickRegistry : UntypedActor, IWithUnboundedStash, IWithTimers
{
    private readonly ClusterSettings _settings;
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private readonly IActorRef _mediator = DistributedPubSub.Get(Context.System).Mediator;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<string, NickOwner> _owners = new(NameRules.Comparer);
    private readonly HashSet<Address> _awaiting = [];
    private bool _membersKnown;

    public NickRegistry(ClusterSettings settings)
    {
        _settings = settings;
    }

    public IStash Stash { get; set; } = null!;

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent));
        Timers.StartSingleTimer(RebuildTimedOut.Instance, RebuildTimedOut.Instance, _settings.RegistryRebuildTimeout);
        Timers.StartPeriodicTimer(AskAgain.Instance, AskAgain.Instance, TimeSpan.FromSeconds(1));
        AskForReports();
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    protected override void OnReceive(object message) => Rebuilding(message);

    private void Rebuilding(object message)
    {
        switch (message)
        {
            case ClusterEvent.CurrentClusterState state:
                foreach (var member in state.Members.Where(m => m.Status == MemberStatus.Up))
                {
                    _awaiting.Add(member.Address);
                }

                _membersKnown = true;
                CheckRebuilt();
                break;
            case NicksReport report:
                Take(report);
                if (report.Last)
                {
                    _awaiting.Remove(NodeOf(Sender));
                    CheckRebuilt();
                }

                break;
            case ClusterEvent.MemberDowned or ClusterEvent.MemberRemoved:
                var gone = ((ClusterEvent.MemberStatusChange)message).Member.Address;
                _awaiting.Remove(gone);
                FreeNode(gone);
                CheckRebuilt();
                break;
            case AskAgain:
                AskForReports();
                break;
            case RebuildTimedOut:
                _log.Warning("Nick registry: no report from {Nodes} within {Timeout}; serving without their nicks", string.Join(", ", _awaiting), _settings.RegistryRebuildTimeout);
                Serve();
                break;
            case ClusterEvent.IMemberEvent:
                break;
            default:
                Stash.Stash();
                break;
        }
    }

    private void Serving(object message)
    {
        switch (message)
        {
            case ClaimNick claim:
                OnClaim(claim);
                break;
            case ReleaseNick release:
                if (_owners.TryGetValue(release.Nick, out var owner) && owner.Session.Equals(release.Session))
                {
                    _owners.Remove(release.Nick);
                }

                break;
            case FindNick find:
                var found = _owners.GetValueOrDefault(find.Nick);
                Sender.Tell(new NickFound(find.QueryId, found?.Session, found?.Hub), Self);
                break;
            case NicksReport report:
                // A hub that reports late (after the timeout) still gets its nicks back where free.
                Take(report);
                break;
            case ClusterEvent.MemberDowned or ClusterEvent.MemberRemoved:
                FreeNode(((ClusterEvent.MemberStatusChange)message).Member.Address);
                break;
            case ClusterEvent.IMemberEvent or ClusterEvent.CurrentClusterState or AskAgain or RebuildTimedOut:
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnClaim(ClaimNick claim)
    {
        var granted = !_owners.TryGetValue(claim.Nick, out var owner) || owner.Session.Equals(claim.Session);
        if (granted)
        {
            _owners[claim.Nick] = new NickOwner(claim.Session, Sender, NodeOf(claim.Session));
        }

        Sender.Tell(new NickClaimed(claim.ClaimId, claim.Session, claim.Nick, granted), Self);
    }

    private void Take(NicksReport report)
    {
        foreach (var entry in report.Nicks)
        {
            if (!_owners.TryAdd(entry.Nick, new NickOwner(entry.Session, Sender, NodeOf(entry.Session)))
                && !_owners[entry.Nick].Session.Equals(entry.Session))
            {
                // Two sessions with one nick: only after a split that healed. The first report keeps it.
                _log.Warning("Nick registry: {Nick} is reported by two sessions ({First} and {Second}); the first keeps it", entry.Nick, _owners[entry.Nick].Session, entry.Session);
            }
        }
    }

    private void FreeNode(Address node)
    {
        foreach (var nick in _owners.Where(o => o.Value.Node.Equals(node)).Select(o => o.Key).ToArray())
        {
            _owners.Remove(nick);
        }
    }

    private void CheckRebuilt()
    {
        if (_membersKnown && _awaiting.Count == 0)
        {
            Serve();
        }
    }

    private void Serve()
    {
        _log.Info("Nick registry on {Node} serving {Count} nicks", _cluster.SelfAddress, _owners.Count);
        Timers.CancelAll();
        Become(Serving);
        Stash.UnstashAll();
    }

    private void AskForReports() =>
        _mediator.Tell(new Publish(ClusterChatProtocol.Topic, ReportNicks.Instance), Self);

    // Refs of this node's actors carry no host; the registry keys nodes by their cluster address.
    private Address NodeOf(IActorRef actor) =>
        actor.Path.Address.HasGlobalScope ? actor.Path.Address : _cluster.SelfAddress;

    /// <summary>Ask every hub again for its nicks (while rebuilding).</summary>
    private sealed record AskAgain
    {
        public static AskAgain Instance { get; } = new();
    }

    /// <summary><c>nick-registry-rebuild-timeout</c> passed before every node reported.</summary>
    private sealed record RebuildTimedOut
    {
        public static RebuildTimedOut Instance { get; } = new();
    }
}
