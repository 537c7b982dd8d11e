using ActorEcho.Config;

namespace ActorEcho.IO.Tests.Bytes;

public sealed class SettingsTests
{
    [Fact]
    public void ReferenceConfig_Should_MatchTheDefaults()
    {
        Assert.Equal(TcpSettings.Default, TcpSettings.FromConfig(ConfigurationFactory.Empty));
        Assert.Equal(UdpSettings.Default, UdpSettings.FromConfig(ConfigurationFactory.Empty));
    }

    [Fact]
    public void FromConfig_Should_ReadOverrides()
    {
        var config = ConfigurationFactory.ParseString("""
            actorecho.io.tcp {
              receive-chunk-size = 16 KiB
              max-pending-write-bytes = 4 MiB
              register-timeout = 250ms
              max-connections = 10000
              no-delay = off
            }
            actorecho.io.udp.max-datagram-size = 1 KiB
            """);
        var tcp = TcpSettings.FromConfig(config);
        Assert.Equal(16 * 1024, tcp.ReceiveChunkSize);
        Assert.Equal(4L * 1024 * 1024, tcp.MaxPendingWriteBytes);
        Assert.Equal(TimeSpan.FromMilliseconds(250), tcp.RegisterTimeout);
        Assert.Equal(10000, tcp.MaxConnections);
        Assert.False(tcp.NoDelay);
        Assert.True(tcp.KeepAlive);
        Assert.Equal(1024, UdpSettings.FromConfig(config).MaxDatagramSize);
    }

    [Fact]
    public void FromConfig_Should_NameTheKey_When_ValueIsOutOfRange()
    {
        var error = Assert.Throws<ArgumentException>(() => TcpSettings.FromConfig(ConfigurationFactory.ParseString("actorecho.io.tcp.batch-accept-limit = 0")));
        Assert.Contains("batch-accept-limit", error.Message, StringComparison.Ordinal);
        var udp = Assert.Throws<ArgumentException>(() => UdpSettings.FromConfig(ConfigurationFactory.ParseString("actorecho.io.udp.max-datagram-size = 100 KiB")));
        Assert.Contains("max-datagram-size", udp.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceConf_Should_CommentEveryKey()
    {
        using var stream = typeof(TcpSettings).Assembly.GetManifestResourceStream("ActorEcho.IO.reference.conf")!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n').Select(l => l.Trim()).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#') || line.EndsWith('{') || line == "}" || !line.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            // Env-hook lines repeat the key just below it; the comment sits above the first one.
            var key = line[..line.IndexOf('=', StringComparison.Ordinal)].Trim();
            var j = i - 1;
            while (j >= 0 && lines[j].StartsWith(key + " ", StringComparison.Ordinal))
            {
                j--;
            }

            var previous = j >= 0 ? lines[j] : "";
            Assert.True(previous.StartsWith('#'), $"key '{key}' has no comment above it");
        }
    }
}
