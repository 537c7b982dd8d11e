using ActorEcho.Host.CommandLine;

namespace ActorEcho.Host.Demos;

/// <summary>
/// What a running demo gets: where to narrate, when to give up, and how long one step may wait.
/// Narration goes to the writer line by line as it happens, so a person watching sees each step
/// before its outcome.
/// </summary>
internal sealed class DemoContext
{
    private readonly TextWriter _output;

    public DemoContext(TextWriter output, CancellationToken cancellationToken, TimeSpan? stepTimeout = null, HostOptions? userOptions = null)
    {
        _output = output;
        UserOptions = userOptions ?? HostOptions.Default;
        CancellationToken = cancellationToken;
        StepTimeout = stepTimeout ?? TimeSpan.FromSeconds(5);
    }

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The command line's <c>--config</c> and <c>-D</c> options: a layer under each demo's own settings,
    /// so they change only what a demo does not set itself (the address and ports always stay loopback/free).
    /// </summary>
    public HostOptions UserOptions { get; }

    /// <summary>The longest a single wait (a reply, an echo, a close) may take before the demo fails.</summary>
    public TimeSpan StepTimeout { get; }

    /// <summary>What is about to happen.</summary>
    public void Step(string text) => Write("  > " + text);

    /// <summary>What was observed.</summary>
    public void Observe(string text) => Write("    " + text);

    /// <summary>Fails the demo with <paramref name="failure"/> unless <paramref name="condition"/> holds.</summary>
    public static void Check(bool condition, string failure)
    {
        if (!condition)
        {
            throw new DemoCheckException(failure);
        }
    }

    /// <summary>A token that cancels after one step timeout (or when the demo is cancelled).</summary>
    public CancellationTokenSource Timeout() => Timeout(StepTimeout);

    public CancellationTokenSource Timeout(TimeSpan after)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
        source.CancelAfter(after);
        return source;
    }

    public void Write(string line)
    {
        lock (_output)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }
}
