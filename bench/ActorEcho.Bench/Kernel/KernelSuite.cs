using System.Diagnostics;
using System.Threading.Channels;
using ActorEcho.Actors;
using ActorEcho.Config;

namespace ActorEcho.Bench.Kernel;

/// <summary>
/// Kernel micro-benchmarks, each beside the same message pattern over System.Threading.Channels
/// with one reader task per "actor", measured in the same process run, alternating and taking the
/// median of several rounds (the machine is shared and noisy).
/// </summary>
internal sealed class KernelSuite : IBenchSuite
{
    private const int Rounds = 5;

    public string Name => "kernel";

    public string Description => "ping-pong, fan-in, spawn+stop, bytes per idle actor vs Channels";

    public async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        bool Selected(string name) => only is null || name.StartsWith(only, StringComparison.Ordinal);
        var pairs = 2 * Environment.ProcessorCount;
        var pingPongMessages = quick ? 200_000 : 2_000_000;
        var fanInPerProducer = quick ? 100_000 : 1_000_000;
        var spawnCount = quick ? 50_000 : 200_000;
        var idleCount = 100_000;

        // Settings come from HOCON like everywhere else, so ACTORECHO_ACTOR_THROUGHPUT and the
        // other reference.conf hooks apply to the benchmark too.
        using var system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("actorecho.coordinated-shutdown.run-by-process-exit = off"));
        Console.WriteLine($"  throughput={system.Settings.Throughput}");

        if (Selected("ping-pong"))
        {
        await Compare("ping-pong-1-pair", "msgs/s",
            () => PingPong.Actors(system, 1, pingPongMessages),
            () => PingPong.Channels(1, pingPongMessages));
        await Compare($"ping-pong-{pairs}-pairs", "msgs/s",
            () => PingPong.Actors(system, pairs, pingPongMessages),
            () => PingPong.Channels(pairs, pingPongMessages));
        }

        if (Selected("fan-in"))
        {
        await Compare("fan-in-8-producers", "msgs/s",
            () => FanIn.Actors(system, 8, fanInPerProducer),
            () => FanIn.Channels(8, fanInPerProducer));
        }

        if (Selected("spawn"))
        {
        await Compare("spawn-stop", "actors/s",
            () => SpawnStop.Actors(system, spawnCount),
            () => SpawnStop.Channels(spawnCount));
        }

        if (Selected("bytes"))
        {
            // Memory is deterministic enough for one round each; more-is-worse, so the ratio is inverted.
            var ours = await IdleFootprint.Actors(system, idleCount);
            var baseline = await IdleFootprint.Channels(idleCount);
            BenchResult.Print("bytes-per-idle-actor", ours, baseline, "bytes", lowerIsBetter: true);
        }

        await system.Terminate();
    }

    private static async Task Compare(string name, string unit, Func<Task<double>> ours, Func<Task<double>> baseline)
    {
        // Warm both paths up (JIT, tiering, thread pool growth) before measuring.
        await ours();
        await baseline();
        var a = new List<double>();
        var b = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            a.Add(await RoundDiagnostics.Measure(name, "ours", ours));
            b.Add(await RoundDiagnostics.Measure(name, "base", baseline));
        }

        Console.WriteLine($"  {name}: ours [{string.Join(", ", a.Select(x => x.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}] baseline [{string.Join(", ", b.Select(x => x.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}]");
        BenchResult.Print(name, Median(a), Median(b), unit);
    }

    private static double Median(List<double> xs)
    {
        xs.Sort();
        return xs[xs.Count / 2];
    }

    internal static double Rate(long count, Stopwatch sw) => count / sw.Elapsed.TotalSeconds;

    internal static Channel<T> NewChannel<T>() =>
        Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });
}
