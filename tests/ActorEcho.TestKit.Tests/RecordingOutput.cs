using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace ActorEcho.TestKit.Tests;

/// <summary>An <see cref="ITestOutputHelper"/> that keeps its lines, optionally refusing them as xunit does after a test ends.</summary>
internal sealed class RecordingOutput(bool refuse = false) : ITestOutputHelper
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void WriteLine(string message)
    {
        if (refuse)
        {
            throw new InvalidOperationException("There is no currently active test.");
        }

        Lines.Enqueue(message);
    }

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
