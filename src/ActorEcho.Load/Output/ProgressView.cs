using System.Globalization;
using ActorEcho.Load.Runner;
using Spectre.Console;

namespace ActorEcho.Load.Output;

/// <summary>
/// Shows progress while a run goes on: a live Spectre table on a terminal, or one plain line per
/// second when output is redirected or <c>--no-live</c> is given.
/// </summary>
internal static class ProgressView
{
    public static async Task ShowAsync(LoadRunner runner, Task run, bool live, IAnsiConsole console)
    {
        if (live)
        {
            await console.Live(Render(runner.Snapshot(), 0)).AutoClear(false).StartAsync(async ctx =>
            {
                var last = runner.Snapshot();
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(250));
                    var now = runner.Snapshot();
                    ctx.UpdateTarget(Render(now, Rate(last, now)));
                    last = now;
                }
            });
            return;
        }

        var previous = runner.Snapshot();
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(1000));
            if (run.IsCompleted)
            {
                break;
            }

            var current = runner.Snapshot();
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"t={current.Elapsed.TotalSeconds:0.0}s connected={current.Connected}/{current.Clients} messages={current.Messages} msgs/s={Rate(previous, current):0} errors={current.Errors}"));
            previous = current;
        }
    }

    private static double Rate(ProgressSnapshot before, ProgressSnapshot after)
    {
        var dt = (after.Elapsed - before.Elapsed).TotalSeconds;
        return dt > 0 ? (after.Messages - before.Messages) / dt : 0;
    }

    private static Table Render(ProgressSnapshot s, double rate)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("elapsed", "connected", "messages", "msgs/s", "MB", "errors");
        table.AddRow(
            $"{s.Elapsed.TotalSeconds.ToString("0.0", inv)} s",
            $"{s.Connected}/{s.Clients}",
            s.Messages.ToString("N0", inv),
            rate.ToString("N0", inv),
            (s.Bytes / 1_000_000.0).ToString("0.0", inv),
            s.Errors == 0 ? "0" : $"[red]{s.Errors.ToString(inv)}[/]");
        return table;
    }
}
