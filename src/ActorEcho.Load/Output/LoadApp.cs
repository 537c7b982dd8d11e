using ActorEcho.Load.Cli;
using ActorEcho.Load.Metrics;
using ActorEcho.Load.Runner;
using Spectre.Console;

namespace ActorEcho.Load.Output;

/// <summary>Runs validated options end to end: progress, summary table, JSON file, exit code.</summary>
internal static class LoadApp
{
    /// <summary>Exit code when options are invalid.</summary>
    public const int UsageError = 2;

    public static async Task<(int ExitCode, RunSummary Summary)> RunAsync(LoadOptions options, IAnsiConsole console, CancellationToken cancel)
    {
        console.MarkupLine(Markup.Escape(
            $"load: {options.Workload.ToString().ToLowerInvariant()} against {options.TcpTargetText}, {options.Connections} connections, " +
            (options.Messages is { } m ? $"{m} messages" : "") +
            (options.Messages is not null && options.Duration is not null ? " or " : "") +
            (options.Duration is { } d ? $"{d.TotalSeconds:0.###}s" : "")));
        var runner = new LoadRunner(options);
        var run = runner.RunAsync(cancel);
        await ProgressView.ShowAsync(runner, run, options.Live, console);
        var summary = await run;
        console.Write(SummaryTable.Build(summary));
        if (options.JsonPath is { } path)
        {
            try
            {
                JsonSummaryWriter.WriteFile(path, summary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                console.MarkupLine(Markup.Escape($"error: cannot write --json file '{path}': {e.Message}"));
                return (UsageError, summary);
            }
        }

        return (summary.ExitCode, summary);
    }

    /// <summary>Parses <paramref name="args"/> and runs; the whole command line in one call (used by Program and tests).</summary>
    public static async Task<int> MainAsync(string[] args, IAnsiConsole console, CancellationToken cancel)
    {
        var command = new LoadCommand();
        var parse = command.Root.Parse(args);
        if (args.Any(a => a is "--help" or "-h" or "-?" or "--version"))
        {
            return await parse.InvokeAsync(cancellationToken: cancel);
        }

        if (!command.TryParse(args, out var options, out var errors))
        {
            foreach (var error in errors)
            {
                console.MarkupLine(Markup.Escape($"error: {error}"));
            }

            console.MarkupLine("run with --help for the options");
            return UsageError;
        }

        var (exit, _) = await RunAsync(options, console, cancel);
        return exit;
    }
}
