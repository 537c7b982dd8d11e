using System.Globalization;
using ActorEcho.Hocon;
using ActorEcho.Host.CommandLine;

namespace ActorEcho.Host.Demos;

/// <summary>Runs one demo or all of them, prints <c>DEMO NAME: PASS</c> or <c>DEMO NAME: FAIL (why)</c> for each, and returns the exit code.</summary>
internal static class DemoRunner
{
    /// <summary>Exit code when every demo that ran passed.</summary>
    public const int AllPassed = 0;

    /// <summary>Exit code when at least one demo failed.</summary>
    public const int SomeFailed = 1;

    /// <summary>Exit code for a demo name that does not exist.</summary>
    public const int UnknownDemo = 2;

    // A demo that hangs despite its own step timeouts still ends the run.
    private static readonly TimeSpan DemoLimit = TimeSpan.FromSeconds(90);

    public static IReadOnlyList<ISupervisionDemo> All { get; } =
    [
        new SessionRestartDemo(),
        new RetryBudgetDemo(),
        new StrategyComparisonDemo(),
        new ListenerRecoveryDemo(),
        new SlowReaderDemo(),
        new CrashUnderLoadDemo(),
        new ClusterDemo(),
    ];

    /// <summary>Finds a demo by name (any case) or by its number (1-based); null when there is none.</summary>
    public static ISupervisionDemo? Find(string name)
    {
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= All.Count)
        {
            return All[number - 1];
        }

        return All.FirstOrDefault(d => string.Equals(d.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Runs the demo named <paramref name="name"/>, or every demo for null or <c>all</c>.</summary>
    public static async Task<int> RunAsync(string? name, TextWriter output, CancellationToken cancellationToken, HostOptions? userOptions = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        IReadOnlyList<ISupervisionDemo> selected;
        if (name is null || string.Equals(name.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            selected = All;
        }
        else if (Find(name) is { } demo)
        {
            selected = [demo];
        }
        else
        {
            await output.WriteLineAsync($"unknown demo '{name}'; choose one of these (or 'all'):").ConfigureAwait(false);
            await output.WriteLineAsync(List()).ConfigureAwait(false);
            return UnknownDemo;
        }

        var failed = 0;
        foreach (var demo in selected)
        {
            var result = await RunOneAsync(demo, output, cancellationToken, userOptions).ConfigureAwait(false);
            failed += result.Passed ? 0 : 1;
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        if (selected.Count > 1)
        {
            await output.WriteLineAsync($"{selected.Count - failed} of {selected.Count} demos passed").ConfigureAwait(false);
        }

        return failed == 0 ? AllPassed : SomeFailed;
    }

    /// <summary>Runs one demo with narration and its verdict line.</summary>
    public static async Task<DemoResult> RunOneAsync(ISupervisionDemo demo, TextWriter output, CancellationToken cancellationToken, HostOptions? userOptions = null)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var number = All.ToList().IndexOf(demo) + 1;
        var context = new DemoContext(output, cancellationToken, userOptions: userOptions);
        context.Write(string.Empty);
        context.Write($"== demo {number} {demo.Name}: {demo.Title}");
        DemoResult result;
        try
        {
            result = await demo.RunAsync(context).WaitAsync(DemoLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (DemoCheckException e)
        {
            result = DemoResult.Fail(e.Message);
        }
        catch (TimeoutException)
        {
            result = DemoResult.Fail($"did not finish within {DemoLimit.TotalSeconds:0}s");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = DemoResult.Fail("cancelled");
        }
        catch (Exception e) when (e is HoconException or ArgumentException or HostOptionsException)
        {
            result = DemoResult.Fail($"bad configuration: {e.Message}");
        }
        catch (Exception e)
        {
            result = DemoResult.Fail($"{e.GetType().Name}: {e.Message}");
        }

        context.Write(result.Passed ? $"DEMO {demo.Name}: PASS" : $"DEMO {demo.Name}: FAIL ({result.Reason})");
        return result;
    }

    /// <summary>One line per demo: number, name, title.</summary>
    public static string List() =>
        string.Join(Environment.NewLine, All.Select((d, i) => $"  {i + 1}. {d.Name,-16} {d.Title}"));
}
