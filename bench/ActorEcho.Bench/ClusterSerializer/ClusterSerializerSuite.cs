using System.Diagnostics;
using System.Globalization;
using System.Net;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;
using ActorEcho.Server;
using ActorEcho.Server.Cluster;

namespace ActorEcho.Bench.ClusterSerializer;

/// <summary>
/// The serializer of the messages between cluster nodes (<see cref="ClusterChatSerializer"/>, the
/// one <c>Cluster/cluster.conf</c> binds) next to Akka 1.5's default, Newtonsoft JSON, on the
/// messages that dominate cross-node traffic: a room line, a session change (which carries an actor
/// ref) and a heartbeat. Each case is one serialize + deserialize round trip, inside remoting's
/// transport information so actor refs are written with the node's address as they are on the
/// wire. Prints nanoseconds per round trip and bytes per message.
/// </summary>
internal sealed class ClusterSerializerSuite : IBenchSuite
{
    private static readonly TimeSpan MeasureFor = TimeSpan.FromSeconds(2);

    public string Name => "cluster-serializer";

    public string Description => "cross-node chat messages: ActorEcho's binary serializer vs Akka's Newtonsoft JSON (ns/round trip, bytes)";

    public async Task RunAsync(string[] args)
    {
        var cluster = new ClusterSettings { Port = 0 };
        var config = ClusterAkkaConfig.For(cluster, IPAddress.Loopback, ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        var system = (ExtendedActorSystem)ActorSystem.Create("bench", config);
        try
        {
            var session = system.ActorOf(Props.Empty, "session-1");
            var text = new string('x', 80);
            object[] messages =
            [
                new ClusterChatProtocol.RoomLine(123_456, "lobby", "alice", text),
                new ClusterChatProtocol.SessionChanged(123_457, new ClusterChatProtocol.SessionEntry(session, "alice", "lobby", false), "alice", null),
                new ClusterChatProtocol.HubHeartbeat(123_458),
            ];
            var json = new NewtonSoftJsonSerializer(system);
            foreach (var message in messages)
            {
                var ours = system.Serialization.FindSerializerFor(message);
                if (ours is not ClusterChatSerializer)
                {
                    throw new InvalidOperationException($"cluster.conf binds {message.GetType().Name} to {ours.GetType().Name}, not ClusterChatSerializer");
                }

                var name = message.GetType().Name;
                var (oursNs, oursBytes) = Measure(system, message, m => ours.ToBinary(m), b => ((SerializerWithStringManifest)ours).FromBinary(b, ((SerializerWithStringManifest)ours).Manifest(message)));
                var (jsonNs, jsonBytes) = Measure(system, message, json.ToBinary, b => json.FromBinary(b, message.GetType()));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT case={name}-round-trip ours={oursNs:0} baseline={jsonNs:0} unit=ns ratio={jsonNs / oursNs:0.0}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT case={name}-size ours={oursBytes} baseline={jsonBytes} unit=bytes ratio={(double)jsonBytes / oursBytes:0.0}"));
            }
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static (double NsPerRoundTrip, int Bytes) Measure(ExtendedActorSystem system, object message, Func<object, byte[]> write, Func<byte[], object> read)
    {
        return Serialization.WithTransport(system, () =>
        {
            var bytes = write(message);
            var back = read(bytes);
            if (!Equals(back, message))
            {
                throw new InvalidOperationException($"{message.GetType().Name} did not survive the round trip: {back}");
            }

            // Warm up, then count round trips for a fixed time.
            for (var i = 0; i < 20_000; i++)
            {
                read(write(message));
            }

            var clock = Stopwatch.StartNew();
            long rounds = 0;
            while (clock.Elapsed < MeasureFor)
            {
                for (var i = 0; i < 1_000; i++)
                {
                    read(write(message));
                }

                rounds += 1_000;
            }

            return (clock.Elapsed.TotalNanoseconds / rounds, bytes.Length);
        });
    }
}
