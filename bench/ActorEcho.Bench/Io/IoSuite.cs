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

    public string Description => "TCP echo on ActorEcho.IO vs a plain async-socket echo server (1/100/1000 conns, 1/16 outstanding, 32 B and 4 KiB); [--quick] [--only CASE-SUBSTRING] [--rounds N] [--no-idle] [--copying (no receive buffer leases)] [--side ours|baseline (one side only, for profiling)]";

    public async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var only = OptionValue(args, "--only");
        var rounds = int.TryParse(OptionValue(args, "--rounds"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : Rounds;
        var side = OptionValue(args, "--side");
        if (side is not null and not ("ours" or "baseline"))
        {
            Console.Error.WriteLine($"--side {side}: expected ours or baseline");
            return;
        }

        var skipIdle = only is not null || side is not null || args.Contains("--no-idle");
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
        var copying = args.Contains("--copying");
        var handler = system.ActorOf(Props.Create(() => new EchoHandler(!copying)), "echo");
        var bound = await system.Tcp().Ask<Tcp.Bound>(new Tcp.Bind(handler, new IPEndPoint(IPAddress.Loopback, 0), 4096), TimeSpan.FromSeconds(10));
        var ours = (IPEndPoint)bound.LocalAddress;

        await using var baseline = new PlainSocketEchoServer(new IPEndPoint(IPAddress.Loopback, 0), 64 * 1024);
        var theirs = baseline.Start();

        var inv = CultureInfo.InvariantCulture;
        var selected = cases.Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (selected.Length == 0)
        {
            Console.Error.WriteLine($"--only {only}: no case matches; cases: {string.Join(", ", cases.Select(c => c.Name))}");
            return;
        }

        foreach (var (name, connections, outstanding, size) in selected)
        {
            // The machine is shared and noisy: alternate the two servers and keep each one's median round.
            var oursRounds = new List<EchoLoad.Result>();
            var theirRounds = new List<EchoLoad.Result>();
            var oursGc = new GcTally();
            var theirGc = new GcTally();
            for (var round = 0; round < rounds; round++)
            {
                if (side != "baseline")
                {
                    oursRounds.Add(await oursGc.MeasureAsync(() => EchoLoad.RunAsync(ours, connections, outstanding, size, warmUp, measure)));
                }

                if (side != "ours")
                {
                    theirRounds.Add(await theirGc.MeasureAsync(() => EchoLoad.RunAsync(theirs, connections, outstanding, size, warmUp, measure)));
                }
            }

            if (side is not null)
            {
                // Profiling one side: no comparison to print.
                var only1 = Median(side == "ours" ? oursRounds : theirRounds);
                Console.WriteLine(string.Format(inv, "  {0} ({1} only): {2:0} msgs/s, p50={3:0}us p99={4:0}us; per message: {5:0.0} cpu-us, {6:0} B allocated, {7:0.00} work items",
                    name, side, only1.MessagesPerSecond, only1.P50Micros, only1.P99Micros, only1.CpuMicrosPerMessage, only1.AllocatedBytesPerMessage, only1.WorkItemsPerMessage));
                continue;
            }

            var a = Median(oursRounds);
            var b = Median(theirRounds);

            // The process hosts both servers and the clients, so a collection pauses everything; how
            // often each side collects (and for how long) explains many a p99 difference.
            Console.WriteLine(string.Format(inv, "  {0}: gen0 collections ours={1} ({2:0} ms paused) baseline={3} ({4:0} ms paused) over {5} rounds",
                name, oursGc.Collections, oursGc.Paused.TotalMilliseconds, theirGc.Collections, theirGc.Paused.TotalMilliseconds, rounds));
            Console.WriteLine(string.Format(inv, "  {0}: per message (whole process): cpu-us ours={1:0.0} baseline={2:0.0}, allocated B ours={3:0} baseline={4:0}, thread-pool work items ours={5:0.00} baseline={6:0.00}",
                name, a.CpuMicrosPerMessage, b.CpuMicrosPerMessage, a.AllocatedBytesPerMessage, b.AllocatedBytesPerMessage, a.WorkItemsPerMessage, b.WorkItemsPerMessage));

            Console.WriteLine(string.Format(inv,
                "  {0}: p50 ours={1:0}us baseline={2:0}us, p99 ours={3:0}us baseline={4:0}us (p99 ratio {5:0.00}x)",
                name, a.P50Micros, b.P50Micros, a.P99Micros, b.P99Micros, a.P99Micros / b.P99Micros));
            BenchResult.Print(name + "-p99", a.P99Micros, b.P99Micros, "us", lowerIsBetter: true);
            BenchResult.Print(name, a.MessagesPerSecond, b.MessagesPerSecond, "msgs/s");
        }

        if (skipIdle)
        {
            await baseline.StopAsync();
            return;
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

    /// <summary>The median of each figure across rounds.</summary>
    private static EchoLoad.Result Median(List<EchoLoad.Result> rounds)
    {
        var count = rounds.Count;
        double Mid(IEnumerable<double> values) => values.Order().ElementAt(count / 2);
        return new EchoLoad.Result(
            Mid(rounds.Select(r => r.MessagesPerSecond)),
            Mid(rounds.Select(r => r.P50Micros)),
            Mid(rounds.Select(r => r.P99Micros)),
            Mid(rounds.Select(r => r.CpuMicrosPerMessage)),
            Mid(rounds.Select(r => r.AllocatedBytesPerMessage)),
            Mid(rounds.Select(r => r.WorkItemsPerMessage)));
    }

    /// <summary>Gen0 collections and GC pause time accumulated over the runs it measures.</summary>
    private sealed class GcTally
    {
        public int Collections { get; private set; }

        public TimeSpan Paused { get; private set; }

        public async Task<T> MeasureAsync<T>(Func<Task<T>> run)
        {
            var collections = GC.CollectionCount(0);
            var paused = GC.GetTotalPauseDuration();
            var result = await run();
            Collections += GC.CollectionCount(0) - collections;
            Paused += GC.GetTotalPauseDuration() - paused;
            return result;
        }
    }

    private static string? OptionValue(string[] args, string option)
    {
        var i = Array.IndexOf(args, option);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }
    }
}
