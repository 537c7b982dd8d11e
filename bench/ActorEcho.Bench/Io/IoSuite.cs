using System.Globalization;
using System.Net;
using ActorEcho.Actors;
using ActorEcho.Bench.Baselines;
using ActorEcho.Config;
using ActorEcho.IO;
using ActorEcho.IO.Sockets;

namespace ActorEcho.Bench.Io;

/// <summary>
/// Echo over loopback: an echo handler actor on ActorEcho.IO against the plain async-socket echo
/// server, one after the other under the same load, per case. Prints msgs/s and p99 round trip.
/// </summary>
internal sealed class IoSuite : IBenchSuite
{
    private const int Rounds = 3;

    public string Name => "io";

    public string Description => "TCP echo on ActorEcho.IO vs a plain async-socket echo server (1/100/1000 conns, 1/16 outstanding, 32 B and 4 KiB)";

    public async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var warmUp = TimeSpan.FromSeconds(quick ? 0.3 : 0.5);
        var measure = TimeSpan.FromSeconds(quick ? 1 : 2);
        var cases = new (string Name, int Connections, int Outstanding, int Size)[]
        {
            ("echo-1c-1o-32B", 1, 1, 32),
            ("echo-1c-16o-32B", 1, 16, 32),
            ("echo-100c-1o-32B", 100, 1, 32),
            ("echo-100c-16o-32B", 100, 16, 32),
            ("echo-1000c-1o-32B", 1000, 1, 32),
            ("echo-1000c-16o-32B", 1000, 16, 32),
            ("echo-100c-1o-4KiB", 100, 1, 4096),
        };

        using var system = ActorSystem.Create("io-bench", ConfigurationFactory.ParseString("actorecho.coordinated-shutdown.run-by-process-exit = off"));
        var handler = system.ActorOf(Props.Create<EchoHandler>(), "echo");
        var bound = await system.Tcp().Ask<Tcp.Bound>(new Tcp.Bind(handler, new IPEndPoint(IPAddress.Loopback, 0), 4096), TimeSpan.FromSeconds(10));
        var ours = (IPEndPoint)bound.LocalAddress;

        await using var baseline = new PlainSocketEchoServer(new IPEndPoint(IPAddress.Loopback, 0), 64 * 1024);
        var theirs = baseline.Start();

        var inv = CultureInfo.InvariantCulture;
        foreach (var (name, connections, outstanding, size) in cases)
        {
            // The machine is shared and noisy: alternate the two servers and keep each one's median round.
            var oursRounds = new List<EchoLoad.Result>();
            var theirRounds = new List<EchoLoad.Result>();
            for (var round = 0; round < Rounds; round++)
            {
                oursRounds.Add(await EchoLoad.RunAsync(ours, connections, outstanding, size, warmUp, measure));
                theirRounds.Add(await EchoLoad.RunAsync(theirs, connections, outstanding, size, warmUp, measure));
            }

            var a = Median(oursRounds);
            var b = Median(theirRounds);
            Console.WriteLine(string.Format(inv,
                "  {0}: p50 ours={1:0}us baseline={2:0}us, p99 ours={3:0}us baseline={4:0}us (p99 ratio {5:0.00}x)",
                name, a.P50Micros, b.P50Micros, a.P99Micros, b.P99Micros, a.P99Micros / b.P99Micros));
            BenchResult.Print(name + "-p99", a.P99Micros, b.P99Micros, "us", lowerIsBetter: true);
            BenchResult.Print(name, a.MessagesPerSecond, b.MessagesPerSecond, "msgs/s");
        }

        // Idle connections: ours waits for data with a zero-byte read and holds no receive buffer.
        const int idle = 2000;
        var tracker = SocketTracker.For(system);
        var oursIdle = await IdleFootprint.BytesPerConnectionAsync(ours, idle, () => tracker.OpenCount - 1);
        await WaitUntilAsync(() => tracker.OpenCount == 1);
        var theirsIdle = await IdleFootprint.BytesPerConnectionAsync(theirs, idle, () => baseline.ActiveConnections);
        BenchResult.Print($"idle-{idle}c-bytes-per-conn", oursIdle, theirsIdle, "bytes", lowerIsBetter: true);

        await baseline.StopAsync();
    }

    /// <summary>The round with the median throughput, and the median p50/p99 across rounds.</summary>
    private static EchoLoad.Result Median(List<EchoLoad.Result> rounds)
    {
        static double Mid(IEnumerable<double> values) => values.Order().ElementAt(Rounds / 2);
        return new EchoLoad.Result(Mid(rounds.Select(r => r.MessagesPerSecond)), Mid(rounds.Select(r => r.P50Micros)), Mid(rounds.Select(r => r.P99Micros)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }
    }
}
