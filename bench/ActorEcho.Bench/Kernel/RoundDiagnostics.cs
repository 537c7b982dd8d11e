using System.Diagnostics;
using System.Globalization;

namespace ActorEcho.Bench.Kernel;

/// <summary>
/// Per-round diagnostics, printed only when ACTORECHO_BENCH_DIAG=1: what a round cost beyond its
/// rate (CPU time, collections, allocation, thread-pool threads), to tell a slow round's cause
/// from noise. Reading these counters costs nothing measurable next to a round.
/// </summary>
internal static class RoundDiagnostics
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("ACTORECHO_BENCH_DIAG") == "1";

    private static string _notes = "";

    /// <summary>Records a point inside the current round (e.g. when the producers finished); free when disabled.</summary>
    public static void Note(string what, TimeSpan at)
    {
        if (Enabled)
        {
            _notes += string.Create(CultureInfo.InvariantCulture, $" {what}@{at.TotalMilliseconds:0}ms");
        }
    }

    public static async Task<double> Measure(string name, string side, Func<Task<double>> round)
    {
        if (!Enabled)
        {
            return await round();
        }

        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var gc0 = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var alloc0 = GC.GetTotalAllocatedBytes();
        var pause0 = GC.GetTotalPauseDuration();
        var threads0 = ThreadPool.ThreadCount;
        var start = Stopwatch.GetTimestamp();
        _notes = "";
        var rate = await round();
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c,
            $"    {name} {side}: {rate / 1e6:0.0}M/s wall={wall.ElapsedMilliseconds}ms cpu={cpu.TotalMilliseconds:0}ms " +
            $"gc0/1/2={GC.CollectionCount(0) - gc0.Item1}/{GC.CollectionCount(1) - gc0.Item2}/{GC.CollectionCount(2) - gc0.Item3} " +
            $"pause={(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:0}ms alloc={(GC.GetTotalAllocatedBytes() - alloc0) / 1e6:0}MB " +
            $"threads={threads0}->{ThreadPool.ThreadCount}{_notes} t={start / (double)Stopwatch.Frequency:0.000}-{Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency:0.000}"));
        return rate;
    }
}
