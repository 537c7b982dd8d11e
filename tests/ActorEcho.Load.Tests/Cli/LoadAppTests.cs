using System.Globalization;
using System.Text.Json;
using ActorEcho.Load.Output;
using ActorEcho.Load.Tests.Fakes;
using Spectre.Console;

namespace ActorEcho.Load.Tests.Cli;

public sealed class LoadAppTests : IDisposable
{
    private readonly string _json = Path.Combine(Path.GetTempPath(), $"load-{Guid.NewGuid():N}.json");
    private readonly StringWriter _output = new();

    public void Dispose()
    {
        File.Delete(_json);
        _output.Dispose();
    }

    [Fact]
    public async Task CleanRun_Should_ExitZeroAndWriteTheJsonKeys()
    {
        await using var server = new FakeEchoServer();
        var exit = await Main("--workload", "echo", "--port", Port(server.Port), "--messages", "100", "--connections", "2", "--no-live", "--json", _json);

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(_json));
        var root = doc.RootElement;
        foreach (var key in new[] { "msgs_per_s", "mb_per_s", "p50_us", "p99_us", "p999_us", "errors", "connect_failures" })
        {
            Assert.True(root.TryGetProperty(key, out _), $"missing key {key}");
        }

        Assert.Equal(100, root.GetProperty("messages").GetInt64());
        Assert.Equal(0, root.GetProperty("errors").GetInt64());
        Assert.Contains("all replies verified", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorruptingServer_Should_ReportMismatchAndExitNonZero()
    {
        await using var server = new FakeEchoServer(corruptAtByte: 1000);
        var exit = await Main("--workload", "echo", "--port", Port(server.Port), "--messages", "200", "--connections", "1", "--no-live", "--json", _json);

        Assert.Equal(1, exit);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(_json));
        Assert.Equal(1, doc.RootElement.GetProperty("errors_by_kind").GetProperty("mismatch").GetInt64());
    }

    [Fact]
    public async Task BadOptions_Should_ExitTwoWithoutRunning()
    {
        var exit = await Main("--host", "example.com");
        Assert.Equal(2, exit);
        Assert.Contains("--host", _output.ToString(), StringComparison.Ordinal);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private Task<int> Main(params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Ansi = AnsiSupport.No });
        return LoadApp.MainAsync(args, console, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
    }
}
