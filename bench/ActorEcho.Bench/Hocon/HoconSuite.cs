using System.Diagnostics;
using System.Globalization;
using System.Text;
using ActorEcho.Hocon;

namespace ActorEcho.Bench.Hocon;

/// <summary>
/// Parses and resolves a generated ~1 MB HOCON document (nested objects, dotted keys, arrays,
/// triple-quoted text, comments and substitutions in every section) and reports megabytes
/// (10^6 bytes of UTF-8 input) per second with <see cref="HoconReader"/>. The line carries ours
/// only: Akka.NET's own HOCON parser, which this project references, cannot serve as a baseline
/// because the document's self-referential <c>tags = ${...tags} [extra]</c> overflows its stack
/// (Akka 1.5.75), which ends the process.
/// </summary>
internal sealed class HoconSuite : IBenchSuite
{
    private const int TargetBytes = 1_000_000;
    private static readonly TimeSpan MeasureFor = TimeSpan.FromSeconds(5);

    public string Name => "hocon";

    public string Description => "parse + resolve a generated ~1 MB config (MB/s)";

    public Task RunAsync(string[] args)
    {
        var text = Generate(TargetBytes);
        var megabytes = Encoding.UTF8.GetByteCount(text) / 1_000_000.0;

        // The document must be valid and fully resolved, or the figure measures an error path.
        var check = HoconReader.ParseString(text, "bench").Resolve();
        if (check.GetString("section-7.endpoint") != "10.0.7.7:7007")
        {
            throw new InvalidOperationException("generated document resolved wrongly: " + check.GetString("section-7.endpoint"));
        }

        for (var i = 0; i < 3; i++)
        {
            _ = HoconReader.ParseString(text, "bench").Resolve();
        }

        var samples = new List<double>();
        var cpuSamples = new List<double>();
        var process = Process.GetCurrentProcess();
        var total = Stopwatch.StartNew();
        var gcBefore = GC.CollectionCount(0);
        while (total.Elapsed < MeasureFor || samples.Count < 10)
        {
            // Start every run with an empty young generation so runs do not pay for each other's garbage.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            _ = HoconReader.ParseString(text, "bench").Resolve();
            watch.Stop();
            process.Refresh();
            samples.Add(megabytes / watch.Elapsed.TotalSeconds);
            cpuSamples.Add(megabytes / Math.Max((process.TotalProcessorTime - cpuBefore).TotalSeconds, 1e-6));
            if (samples.Count >= 1000)
            {
                break;
            }
        }

        var collections = GC.CollectionCount(0) - gcBefore - samples.Count;
        samples.Sort();
        cpuSamples.Sort();
        var median = samples[samples.Count / 2];

        // Wall-clock is the figure; per-CPU-second throughput is printed beside it because on a
        // shared machine the wall clock mostly measures how long the thread waited for a core.
        Console.WriteLine(FormattableString.Invariant(
            $"# hocon-parse: {megabytes:0.00} MB document, {samples.Count} runs, min {samples[0]:0.0} / median {median:0.0} / max {samples[^1]:0.0} MB/s wall, median {cpuSamples[cpuSamples.Count / 2]:0.0} MB per CPU-second, {collections / (double)samples.Count:0.0} GCs per run, load average {LoadAverage()}"));
        BenchResult.Print("hocon-parse", median, null, "MB/s");
        return Task.CompletedTask;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string Generate(int targetBytes)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(targetBytes + 4096);
        sb.Append("# Generated benchmark configuration\n");
        sb.Append("defaults {\n  retries = 3\n  backoff = 200ms\n  tags = [default]\n}\n");
        for (var s = 0; sb.Length < targetBytes; s++)
        {
            sb.Append(inv, $$""""
                # section {{s}}: one service with its listener and limits
                section-{{s}} {
                  name = "service-{{s}}"
                  enabled = {{(s % 3 == 0 ? "true" : "false")}}
                  host = "10.0.{{s % 256}}.{{s % 100}}"
                  port = {{7000 + s}}
                  endpoint = ${section-{{s}}.host}":"${section-{{s}}.port}
                  timeout = {{s % 60}}s, buffer-size = {{s % 64}}K
                  ratio = {{(s % 1000) / 1000.0}}
                  tags = [alpha, "beta gamma", delta-{{s}}]
                  tags = ${section-{{s}}.tags} [extra]
                  policy = ${defaults} { retries = {{s % 5}} }
                  nested { level1 { level2 { value = {{s}}, label = unquoted text here } } }
                  limits.max-connections = {{s * 10}}
                  limits.queue = [1, 2, 3, 4]
                  description = """Service {{s}} handles
                    requests for shard {{s % 17}}"""
                }

                """");
        }

        return sb.ToString();
    }
}
