using System.Text.Json;
using ActorEcho.Load.Metrics;

namespace ActorEcho.Load.Output;

/// <summary>Writes the summary as one JSON object with snake_case keys (read by bench/compare.sh).</summary>
internal static class JsonSummaryWriter
{
    public static void Write(Stream stream, RunSummary s)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("workload", s.Workload);
        w.WriteString("target", s.Target);
        w.WriteNumber("connections", s.Connections);
        w.WriteNumber("connected", s.Connected);
        w.WriteNumber("elapsed_s", Math.Round(s.Elapsed.TotalSeconds, 3));
        w.WriteNumber("messages", s.Messages);
        w.WriteNumber("bytes", s.Bytes);
        w.WriteNumber("msgs_per_s", Math.Round(s.MessagesPerSecond, 1));
        w.WriteNumber("mb_per_s", Math.Round(s.MegabytesPerSecond, 3));
        w.WriteNumber("p50_us", s.Latency.ValueAtPercentile(50));
        w.WriteNumber("p90_us", s.Latency.ValueAtPercentile(90));
        w.WriteNumber("p99_us", s.Latency.ValueAtPercentile(99));
        w.WriteNumber("p999_us", s.Latency.ValueAtPercentile(99.9));
        w.WriteNumber("max_us", s.Latency.Count == 0 ? 0 : s.Latency.Max);
        if (s.LastDelivery is { } last)
        {
            w.WriteNumber("lines_fully_delivered", last.Count);
            w.WriteNumber("p50_last_delivery_us", last.ValueAtPercentile(50));
            w.WriteNumber("p99_last_delivery_us", last.ValueAtPercentile(99));
        }

        w.WriteNumber("errors", s.TotalErrors);
        w.WriteStartObject("errors_by_kind");
        foreach (var kind in ErrorKinds.All)
        {
            w.WriteNumber(ErrorKinds.Name(kind), s.ErrorCount(kind));
        }

        w.WriteEndObject();
        w.WriteNumber("connect_failures", s.ConnectFailures);
        if (s.AllConnectedAfter is { } all)
        {
            w.WriteNumber("all_connected_ms", Math.Round(all.TotalMilliseconds, 1));
        }
        else
        {
            w.WriteNull("all_connected_ms");
        }

        w.WriteBoolean("ok", s.TotalErrors == 0);
        w.WriteEndObject();
    }

    public static void WriteFile(string path, RunSummary summary)
    {
        using var file = File.Create(path);
        Write(file, summary);
    }
}
