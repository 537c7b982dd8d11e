using System.Globalization;
using ActorEcho.Load.Metrics;
using Spectre.Console;

namespace ActorEcho.Load.Output;

/// <summary>The end-of-run table: throughput, latency percentiles, errors by kind, connect failures.</summary>
internal static class SummaryTable
{
    public static Table Build(RunSummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]ActorEcho load summary[/]");
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));

        Row("workload", s.Workload);
        Row("target", s.Target);
        Row("connections (connected/requested)", $"{s.Connected}/{s.Connections}");
        Row("elapsed", $"{s.Elapsed.TotalSeconds.ToString("0.00", inv)} s");
        Row("messages verified", s.Messages.ToString("N0", inv));
        Row("messages/s", s.MessagesPerSecond.ToString("N0", inv));
        Row("MB/s (verified bytes received)", s.MegabytesPerSecond.ToString("0.000", inv));
        Row("latency p50", Micros(s.Latency.ValueAtPercentile(50)));
        Row("latency p90", Micros(s.Latency.ValueAtPercentile(90)));
        Row("latency p99", Micros(s.Latency.ValueAtPercentile(99)));
        Row("latency p99.9", Micros(s.Latency.ValueAtPercentile(99.9)));
        Row("latency max", Micros(s.Latency.Count == 0 ? 0 : s.Latency.Max));
        if (s.LastDelivery is { } last)
        {
            Row("chat lines delivered to the whole room", last.Count.ToString("N0", inv));
            Row("chat send → last delivery p50", Micros(last.ValueAtPercentile(50)));
            Row("chat send → last delivery p99", Micros(last.ValueAtPercentile(99)));
        }

        if (s.AllConnectedAfter is { } all)
        {
            Row("all connected and served after", $"{all.TotalMilliseconds.ToString("N0", inv)} ms");
        }

        Row("connections refused", s.ErrorCount(ErrorKind.ConnectRefused).ToString(inv));
        Row("connections failed", s.ErrorCount(ErrorKind.ConnectFailed).ToString(inv));
        foreach (var kind in ErrorKinds.All)
        {
            if (!ErrorKinds.IsConnectFailure(kind))
            {
                Row($"errors: {ErrorKinds.Name(kind)}", s.ErrorCount(kind).ToString(inv));
            }
        }

        table.AddRow(new Markup("verdict"), s.TotalErrors == 0
            ? new Markup("[green]all replies verified[/]")
            : new Markup($"[red]{s.TotalErrors.ToString(inv)} error(s)[/]"));
        return table;
    }

    private static string Micros(long us) => $"{us.ToString("N0", CultureInfo.InvariantCulture)} µs";
}
