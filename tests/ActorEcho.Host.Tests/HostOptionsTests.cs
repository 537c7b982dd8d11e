using System.Net;
using ActorEcho.Hocon;
using ActorEcho.Host.CommandLine;
using ActorEcho.Host.Configuration;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

/// <summary>The command line and the configuration layers, without starting an actor system.</summary>
public sealed class HostOptionsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PrintConfig_Should_PrintMergedHoconThatParsesBackWithTheOverrideAndAkkasKeys()
    {
        var (exit, stdout, stderr) = await RunAsync("--print-config", "-Dactorecho.server.endpoints.session-tcp.port=9123", "-Dactorecho.logging.level=Debug");
        Assert.Equal(HostExitCodes.Ok, exit);
        Assert.Equal(string.Empty, stderr);
        var config = HoconReader.ParseString(stdout, "--print-config output");
        Assert.Equal(9123, config.GetInt("actorecho.server.endpoints.session-tcp.port"));
        Assert.Equal("Debug", config.GetString("actorecho.logging.level"));

        // Every layer is there: Akka's defaults, the server's reference.conf, the application config.
        Assert.Equal("akka.actor.internal-dispatcher", config.GetString("akka.io.tcp.management-dispatcher"));
        Assert.Equal(4096, config.GetInt("actorecho.server.session.max-line-length"));
        Assert.Equal(8007, config.GetInt("actorecho.server.endpoints.echo-tcp.port"));
        Assert.Equal("127.0.0.1", config.GetString("actorecho.server.address"));

        // ... and the akka { } section of hocon/actorecho.conf over Akka's defaults.
        Assert.Equal(["Akka.Logger.Serilog.SerilogLogger, Akka.Logger.Serilog"], config.GetStringList("akka.loggers"));
        Assert.Equal(65536, config.GetInt("akka.io.udp.disabled-buffer-pool.buffer-size"));
        Assert.Equal("DEBUG", config.GetString("akka.loglevel"));
    }

    [Fact]
    public void ClusterOptions_Should_SetTheClusterKeysAboveEveryOtherLayer()
    {
        var options = HostCommandLine.ParseOptions("--cluster-port", "4053", "--seed", "127.0.0.1:4051", "--seed", "127.0.0.1:4052", "-Dactorecho.cluster.port=9999");
        Assert.Equal(4053, options.ClusterPort);
        Assert.Equal(["127.0.0.1:4051", "127.0.0.1:4052"], options.Seeds);

        var settings = ActorEcho.Server.ServerSettings.FromConfig(HostConfiguration.Load(options));
        Assert.Equal(4053, settings.Cluster.Port);
        Assert.Equal(["127.0.0.1:4051", "127.0.0.1:4052"], settings.Cluster.Seeds);
    }

    [Fact]
    public void NoClusterOptions_Should_LeaveTheServerASingleNode()
    {
        var settings = ActorEcho.Server.ServerSettings.FromConfig(HostConfiguration.Load(HostOptions.Default));
        Assert.False(settings.Cluster.Enabled);
        Assert.Empty(settings.Cluster.Seeds);
    }

    [Theory]
    [InlineData("--cluster-port", "70000", "--cluster-port 70000: expected a port between 0 (any free port) and 65535")]
    [InlineData("--seed", "nohost", "--seed nohost: expected HOST:PORT of a node's cluster port, e.g. 127.0.0.1:4053")]
    public void BadClusterOptions_Should_SayWhatIsExpected(string option, string value, string message)
    {
        var error = Assert.Throws<HostOptionsException>(() => HostCommandLine.ParseOptions(option, value));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task BadConfigFile_Should_ExitTwoWithFileLineAndColumn()
    {
        var file = Path.Combine(Path.GetTempPath(), $"actorecho-bad-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, "actorecho {\n  server {\n    address = \"127.0.0.1\n  }\n}\n");
        try
        {
            var (exit, _, stderr) = await RunAsync(["--config", file, .. HostSpecConfig.IsolationArgs]);
            output.WriteLine(stderr);
            Assert.Equal(HostExitCodes.BadConfiguration, exit);
            Assert.Single(stderr.TrimEnd().Split('\n'));
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(file)}:3:\d+: ", stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task MissingConfigFile_Should_ExitTwoNamingTheFile()
    {
        var (exit, _, stderr) = await RunAsync(["--config", "/nonexistent/actorecho.conf", .. HostSpecConfig.IsolationArgs]);
        Assert.Equal(HostExitCodes.BadConfiguration, exit);
        Assert.Contains("/nonexistent/actorecho.conf", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfRangeServerSetting_Should_ExitTwoNamingTheKey()
    {
        var (exit, _, stderr) = await RunAsync([.. HostSpecConfig.IsolationArgs, "-Dactorecho.server.address=\"not-an-ip\""]);
        output.WriteLine(stderr);
        Assert.Equal(HostExitCodes.BadConfiguration, exit);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("actorecho.server.address", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AkkaIoSettingsAkkaRejects_Should_ExitTwoBeforeAnythingBinds()
    {
        // Akka requires the send buffer setting to be at least the frame size; it would only check
        // when the server first binds, so the host runs Akka's reader first.
        var (exit, _, stderr) = await RunAsync([.. HostSpecConfig.IsolationArgs, "-Dakka.io.tcp.maximum-frame-size=64k"]);
        output.WriteLine(stderr);
        Assert.Equal(HostExitCodes.BadConfiguration, exit);
        Assert.StartsWith("actorecho: configuration error: akka.io: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("-Dno-equals-sign")]
    [InlineData("--bind not-an-address")]
    public async Task BadOptions_Should_ExitOneWithOneLine(string commandLine)
    {
        var (exit, stdout, stderr) = await RunAsync([.. commandLine.Split(' '), "--print-config"]);
        output.WriteLine(stderr);
        Assert.Equal(HostExitCodes.BadOptions, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("actorecho: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DashD_Should_AcceptAttachedAndSeparateValuesInOrder()
    {
        var options = HostCommandLine.ParseOptions("-Da.b=1", "-D", "c=\"x y\"", "-Da.b=2", "--bind", "[::1]");
        Assert.Equal(["a.b=1", "c=\"x y\"", "a.b=2"], options.Overrides);
        Assert.Equal(IPAddress.IPv6Loopback, options.BindAddress);

        var config = HostConfiguration.Load(options with { BindAddress = null });
        Assert.Equal(2, config.GetInt("a.b"));
        Assert.Equal("x y", config.GetString("c"));
    }

    [Fact]
    public async Task Layers_Should_StackAkkaReferenceApplicationFileThenDashD()
    {
        var file = Path.Combine(Path.GetTempPath(), $"actorecho-layer-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, "actorecho.server.endpoints.echo-tcp.port = 1111\nactorecho.server.endpoints.time-tcp.port = 2222\nakka.io.tcp.register-timeout = 7s\n");
        try
        {
            var config = HostConfiguration.Load(HostCommandLine.ParseOptions("--config", file, "-Dactorecho.server.endpoints.time-tcp.port=3333"));
            Assert.Equal(1111, config.GetInt("actorecho.server.endpoints.echo-tcp.port"));   // file over application
            Assert.Equal(3333, config.GetInt("actorecho.server.endpoints.time-tcp.port"));   // -D over file
            Assert.Equal(8888, config.GetInt("actorecho.server.endpoints.session-tcp.port")); // application
            Assert.Equal(4096, config.GetInt("actorecho.server.session.max-line-length"));   // reference
            Assert.Equal(TimeSpan.FromSeconds(7), config.GetTimeSpan("akka.io.tcp.register-timeout")); // file over application's akka { }
            Assert.Equal(5, config.GetInt("akka.io.tcp.finish-connect-retries"));              // Akka's defaults
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new string[0], "INFO")]
    [InlineData(new[] { "-Dactorecho.logging.level=Debug" }, "DEBUG")]
    [InlineData(new[] { "-Dactorecho.logging.level=Warning" }, "INFO")] // the "Akka" override (Information) of hocon/actorecho.conf
    [InlineData(new[] { "-Dactorecho.logging.level=Warning", "-Dactorecho.logging.overrides.Akka=Warning" }, "WARNING")]
    [InlineData(new[] { "-Dactorecho.logging.level=Fatal", "-Dactorecho.logging.overrides.Akka=Fatal", "-Dactorecho.logging.overrides.\"Akka.IO\"=Error" }, "ERROR")]
    [InlineData(new[] { "-Dactorecho.logging.level=Warning", "-Dactorecho.logging.overrides.\"ActorEcho.Server\"=Debug" }, "DEBUG")]
    [InlineData(new[] { "-Dactorecho.logging.level=Warning", "-Dactorecho.logging.overrides.Akka=Warning", "-Dactorecho.logging.overrides.\"ActorEcho.Host\"=Information" }, "WARNING")]
    [InlineData(new[] { "-Dactorecho.logging.level=Debug", "-Dakka.loglevel=ERROR" }, "ERROR")]
    public void AkkaLogLevel_Should_FollowActorechoLoggingUnlessSetExplicitly(string[] args, string expected)
    {
        var config = HostConfiguration.Load(HostCommandLine.ParseOptions(args));
        Assert.Equal(expected, config.GetString("akka.loglevel"));
    }

    [Fact]
    public void CoordinatedShutdownKeys_Should_SetAkkasPhaseTimeouts()
    {
        var config = HostConfiguration.Load(HostCommandLine.ParseOptions(
            "-Dactorecho.coordinated-shutdown.default-phase-timeout=2s",
            "-Dactorecho.coordinated-shutdown.phase-timeouts.service-requests-done=7s"));
        var akka = HostConfiguration.ToAkkaConfig(config);
        Assert.Equal(TimeSpan.FromSeconds(2), akka.GetTimeSpan("akka.coordinated-shutdown.default-phase-timeout"));
        Assert.Equal(TimeSpan.FromSeconds(2), akka.GetTimeSpan("akka.coordinated-shutdown.phases.service-unbind.timeout"));
        Assert.Equal(TimeSpan.FromSeconds(7), akka.GetTimeSpan("akka.coordinated-shutdown.phases.service-requests-done.timeout"));
        Assert.Equal(TimeSpan.FromSeconds(10), akka.GetTimeSpan("akka.coordinated-shutdown.phases.actor-system-terminate.timeout"));
        Assert.False(akka.GetBoolean("akka.coordinated-shutdown.run-by-clr-shutdown-hook"));
    }

    [Fact]
    public void AkkaSection_Should_ReachAkkasOwnSettingsReaders()
    {
        var akka = HostConfiguration.ToAkkaConfig(HostConfiguration.Load(HostOptions.Default));
        var tcp = Akka.IO.TcpSettings.Create(akka.GetConfig("akka.io.tcp"));
        Assert.Equal(4096, tcp.MaxFrameSizeBytes);
        Assert.Equal(1024 * 1024, tcp.WriteCommandsQueueMaxSize);
        Assert.Equal(TimeSpan.FromSeconds(5), tcp.RegisterTimeout);
        var udp = Akka.IO.UdpSettings.Create(akka.GetConfig("akka.io.udp"));
        Assert.Equal("akka.io.udp.disabled-buffer-pool", udp.BufferPoolConfigPath);
        Assert.Equal(65536, akka.GetInt(udp.BufferPoolConfigPath + ".buffer-size"));
        Assert.Equal("Akka.Logger.Serilog.SerilogLogMessageFormatter, Akka.Logger.Serilog", akka.GetString("akka.logger-formatter"));
    }

    [Theory]
    [InlineData("fault-demo.conf", "DEBUG", true)]
    [InlineData("load-test.conf", "WARNING", false)]
    public void ExampleConfigs_Should_LoadWithTheirLogLevelAndCrashSetting(string file, string akkaLogLevel, bool allowCrash)
    {
        var config = HostConfiguration.Load(HostCommandLine.ParseOptions("--config", Path.Combine(AppContext.BaseDirectory, "hocon", file)));
        Assert.Equal(akkaLogLevel, config.GetString("akka.loglevel"));
        Assert.Equal(allowCrash, Server.ServerSettings.FromConfig(config).AllowCrash);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exit = await HostCommandLine.RunAsync(args, stdout, stderr, cts.Token).WaitAsync(cts.Token);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
