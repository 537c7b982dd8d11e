using System.Net;
using ActorEcho.Hocon;

namespace ActorEcho.Server.Tests.Configuration;

public sealed class ServerSettingsTests
{
    [Fact]
    public void FromConfig_Should_MatchTheDefaults_WhenNothingIsSet()
    {
        var settings = ServerSettings.FromConfig(HoconReader.Empty);

        Assert.Equal(ServerSettings.Default with { Session = settings.Session, Chat = settings.Chat, Supervision = settings.Supervision }, settings);
        Assert.Equal(ServerSettings.Default.Session, settings.Session);
        Assert.Equal(ServerSettings.Default.Chat, settings.Chat);
        Assert.Equal(ServerSettings.Default.Supervision, settings.Supervision);
    }

    [Fact]
    public void Cluster_Should_BeOffByDefault_AndOnWithAPort()
    {
        Assert.False(ServerSettings.FromConfig(HoconReader.Empty).Cluster.Enabled);

        var on = ServerSettings.FromConfig(HoconReader.ParseString("""
            actorecho.cluster { port = 4053, seeds = ["127.0.0.1:4051", "[::1]:4052"], heartbeat-interval = 250ms }
            """, "test")).Cluster;
        Assert.True(on.Enabled);
        Assert.Equal(4053, on.Port);
        Assert.Equal([("127.0.0.1", 4051), ("::1", 4052)], on.ParsedSeeds());
        Assert.Equal(TimeSpan.FromMilliseconds(250), on.HeartbeatInterval);
    }

    [Fact]
    public void ClusterSeeds_Should_AlsoBeOneStringWithCommas_AsAnEnvironmentVariableGivesThem()
    {
        var cluster = ServerSettings.FromConfig(HoconReader.ParseString("""actorecho.cluster { port = 0, seeds = "127.0.0.1:4051, 127.0.0.1:4052" }""", "test")).Cluster;
        Assert.Equal(["127.0.0.1:4051", "127.0.0.1:4052"], cluster.Seeds);
    }

    [Theory]
    [InlineData("actorecho.cluster.port = 70000", "actorecho.cluster.port is 70000")]
    [InlineData("actorecho.cluster.port = lots", "actorecho.cluster.port is 'lots'")]
    [InlineData("actorecho.cluster.seeds = [\"nohost\"]", "actorecho.cluster.seeds has 'nohost'")]
    public void BadClusterSettings_Should_NameTheKey(string hocon, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ServerSettings.FromConfig(HoconReader.ParseString(hocon, "test")));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_Should_BindEveryEndpointOnLoopback_AtTheStandardPorts()
    {
        var settings = ServerSettings.Default;

        Assert.Equal(IPAddress.Loopback, settings.Address);
        Assert.Equal(
            [("session-tcp", 8888), ("session-udp", 8888), ("echo-tcp", 8007), ("time-tcp", 8037), ("time-udp", 8037), ("daytime-tcp", 8013), ("daytime-udp", 8013)],
            settings.AllEndpoints().Select(e => (e.Name, e.Settings.Port)).ToArray());
        Assert.All(settings.AllEndpoints(), e => Assert.True(e.Settings.Enabled));
        Assert.Equal(4096, settings.Session.MaxLineLength);
        Assert.Equal(TimeSpan.FromSeconds(300), settings.Session.IdleTimeout);
        Assert.Equal(20, settings.Chat.RateLimit);
        Assert.Equal(40, settings.Chat.RateBurst);
        Assert.Equal(SlowReaderPolicy.Backpressure, settings.Session.SlowReaderPolicy);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Session.SlowReaderTimeout);
        Assert.Null(settings.SocketSendBufferSize);
        Assert.Null(settings.SocketReceiveBufferSize);
        Assert.Equal(SupervisionStrategyKind.OneForOne, settings.Supervision.Strategy);
        Assert.Equal(3, settings.Supervision.MaxRestarts);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Supervision.Within);
        Assert.False(settings.AllowCrash);
    }

    [Fact]
    public void FromConfig_Should_ReadEveryKey()
    {
        var config = HoconReader.ParseString("""
            actorecho.server {
              address = "0.0.0.0"
              max-connections = 5
              endpoints.echo-tcp { enabled = off, port = 7 }
              endpoints.session-tcp.port = 0
              session {
                max-line-length = 100
                idle-timeout = 2m
                close-timeout = 1s
                outbound { max-in-flight-bytes = 8 KiB, echo-high-watermark = 64 KiB, max-queued-messages = 7, slow-reader-policy = disconnect, slow-reader-timeout = 3s }
              }
              socket { send-buffer-size = 16 KiB, receive-buffer-size = 32 KiB }
              chat { rate-limit = 2.5, rate-burst = 5, max-name-length = 16 }
              supervision { strategy = all-for-one, max-restarts = 1, within = 10s }
            }
            actorecho.demo.allow-crash = on
            """);

        var settings = ServerSettings.FromConfig(config);

        Assert.Equal(IPAddress.Any, settings.Address);
        Assert.Equal(5, settings.MaxConnections);
        Assert.Equal(new EndpointSettings(false, 7), settings.EchoTcp);
        Assert.Equal(new EndpointSettings(true, 0), settings.SessionTcp);
        Assert.Equal(
            new SessionSettings
            {
                MaxLineLength = 100,
                IdleTimeout = TimeSpan.FromMinutes(2),
                CloseTimeout = TimeSpan.FromSeconds(1),
                MaxInFlightBytes = 8192,
                EchoHighWatermark = 65536,
                MaxQueuedMessages = 7,
                SlowReaderPolicy = SlowReaderPolicy.Disconnect,
                SlowReaderTimeout = TimeSpan.FromSeconds(3),
            },
            settings.Session);
        Assert.Equal(16384, settings.SocketSendBufferSize);
        Assert.Equal(32768, settings.SocketReceiveBufferSize);
        Assert.Equal(new ChatSettings { RateLimit = 2.5, RateBurst = 5, MaxNameLength = 16 }, settings.Chat);
        Assert.Equal(new SupervisionSettings { Strategy = SupervisionStrategyKind.AllForOne, MaxRestarts = 1, Within = TimeSpan.FromSeconds(10) }, settings.Supervision);
        Assert.True(settings.AllowCrash);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(256 * 1024 + 8192, true)]
    [InlineData(256 * 1024 + 8191, false)]
    public void ValidateAgainst_Should_RequireAWriteQueueLimitAboveTheWindowPlusTwoFrames(int limit, bool valid)
    {
        var tcp = Akka.IO.TcpSettings.Create(Akka.Configuration.ConfigurationFactory.ParseString(
            $"write-commands-queue-max-size = {limit}, maximum-frame-size = 4k, receive-buffer-size = 8k, send-buffer-size = 8k, batch-accept-limit = 10, register-timeout = 5s"));

        var check = () => ServerSettings.Default.ValidateAgainst(tcp);

        if (valid)
        {
            check();
        }
        else
        {
            Assert.Contains("write-commands-queue-max-size", Assert.Throws<ArgumentException>(check).Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("actorecho.server.session.idle-timeout = off")]
    [InlineData("actorecho.server.session.idle-timeout = 0s")]
    public void IdleTimeout_Should_TurnOff(string hocon)
    {
        Assert.Null(ServerSettings.FromConfig(HoconReader.ParseString(hocon)).Session.IdleTimeout);
    }

    [Theory]
    [InlineData("actorecho.server.address = \"localhost:80\"", "actorecho.server.address")]
    [InlineData("actorecho.server.endpoints.echo-tcp.port = 70000", "endpoints.echo-tcp.port")]
    [InlineData("actorecho.server.max-connections = -1", "max-connections")]
    [InlineData("actorecho.server.session.max-line-length = 0", "session.max-line-length")]
    [InlineData("actorecho.server.session.outbound.slow-reader-policy = ignore", "slow-reader-policy")]
    [InlineData("actorecho.server.session.outbound.max-queued-messages = 0", "max-queued-messages")]
    [InlineData("actorecho.server.chat.rate-limit = 0", "chat.rate-limit")]
    [InlineData("actorecho.server.chat.max-name-length = 33", "chat.max-name-length")]
    [InlineData("actorecho.server.supervision.strategy = rest-for-one", "supervision.strategy")]
    [InlineData("actorecho.server.supervision.max-restarts = -1", "supervision.max-restarts")]
    public void FromConfig_Should_RejectOutOfRangeValues_NamingTheKey(string hocon, string key)
    {
        var error = Assert.Throws<ArgumentException>(() => ServerSettings.FromConfig(HoconReader.ParseString(hocon)));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithEphemeralPorts_Should_SetEveryPortToZero()
    {
        Assert.All(ServerSettings.Default.WithEphemeralPorts().AllEndpoints(), e => Assert.Equal(0, e.Settings.Port));
    }
}
