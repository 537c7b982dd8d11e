using System.Net;
using Akka.Configuration;
using Akka.Serialization;
using ActorEcho.Server.Cluster;
using static ActorEcho.Server.Cluster.ClusterChatProtocol;
using static ActorEcho.Server.Cluster.NickRegistryProtocol;

namespace ActorEcho.Server.Tests.Cluster;

/// <summary>Every message that crosses nodes goes through <see cref="ClusterChatSerializer"/> (bound in cluster.conf) and comes back equal.</summary>
public sealed class ClusterChatSerializerTests : Akka.TestKit.Xunit2.TestKit
{
    public ClusterChatSerializerTests()
        : base(ClusterAkkaConfig.For(new ClusterSettings { Port = 0 }, IPAddress.Loopback, ConfigurationFactory.ParseString("akka.loglevel = WARNING")))
    {
    }

    // One actor system (with remoting) for every kind: starting one costs about a second.
    private static readonly string[] Kinds = ["SC", "SC-null", "SG", "RL", "HB", "SR", "SS", "PL", "CN", "NC", "RN", "FN", "NF", "NF-null", "RP", "NR"];

    [Fact]
    public void Every_cluster_message_survives_the_round_trip_through_the_bound_serializer()
    {
        foreach (var kind in Kinds)
        {
            RoundTrip(kind);
        }
    }

    private void RoundTrip(string kind)
    {
        var session = Sys.ActorOf(Props.Empty, "session-" + kind);
        object message = kind switch
        {
            "SC" => new SessionChanged(7, new SessionEntry(session, "alice", "lobby", true), "al", "dev"),
            "SC-null" => new SessionChanged(8, new SessionEntry(session, "guest-1", null, false), null, null),
            "SG" => new SessionGone(9, session),
            "RL" => new RoomLine(10, "lobby", "alice", "héllo, wörld: /not a command  "),
            "HB" => new HubHeartbeat(11),
            "SR" => SyncRequest.Instance,
            "SS" => new SyncSnapshot(12, [new SessionEntry(session, "a", null, false), new SessionEntry(TestActor, "b", "r", true)], true),
            "PL" => new PrivateLine(session, "bob", "psst"),
            "CN" => new ClaimNick(13, session, "alice"),
            "NC" => new NickClaimed(14, session, "alice", true),
            "RN" => new ReleaseNick(session, "alice"),
            "FN" => new FindNick(15, "bob"),
            "NF" => new NickFound(16, session, TestActor),
            "NF-null" => new NickFound(17, null, null),
            "RP" => ReportNicks.Instance,
            "NR" => new NicksReport([new NickEntry("alice", session)], false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var serializer = Assert.IsType<ClusterChatSerializer>(Sys.Serialization.FindSerializerFor(message));
        var system = (ExtendedActorSystem)Sys;
        var bytes = Serialization.WithTransport(system, () => serializer.ToBinary(message));
        var back = serializer.FromBinary(bytes, serializer.Manifest(message));

        switch (message)
        {
            case SyncSnapshot snapshot:
                var copy = Assert.IsType<SyncSnapshot>(back);
                Assert.Equal(snapshot.Seq, copy.Seq);
                Assert.Equal(snapshot.Last, copy.Last);
                Assert.Equal(snapshot.Sessions, copy.Sessions);
                break;
            case NicksReport report:
                var reportCopy = Assert.IsType<NicksReport>(back);
                Assert.Equal(report.Last, reportCopy.Last);
                Assert.Equal(report.Nicks, reportCopy.Nicks);
                break;
            default:
                Assert.Equal(message, back);
                break;
        }
    }
}
