using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// The reference-config defaults of <c>akka.io.tcp</c> and <c>akka.io.udp</c> that the other specs
/// change or rely on.
/// </summary>
public sealed class AkkaIoDefaultsSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void The_tcp_defaults_are_4k_frames_an_unlimited_write_queue_a_5s_register_timeout_and_two_accepts_per_core()
    {
        var settings = TcpSettings.Create(Sys);

        Assert.Equal(4096, settings.MaxFrameSizeBytes);
        Assert.Equal(8192, settings.ReceiveBufferSize);
        Assert.Equal(8192, settings.SendBufferSize);
        Assert.False(Sys.Settings.Config.HasPath("akka.io.tcp.write-commands-queue-max-size"));
        Assert.Equal(-1, settings.WriteCommandsQueueMaxSize);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.RegisterTimeout);
        Assert.Equal("scale-to-cpus", Sys.Settings.Config.GetString("akka.io.tcp.batch-accept-limit"));
        Assert.Equal(2 * Environment.ProcessorCount, settings.BatchAcceptLimit);
    }

    [Fact]
    public void The_udp_receive_buffer_is_the_512_byte_buffer_size_of_the_disabled_buffer_pool()
    {
        var config = Sys.Settings.Config;

        Assert.Equal("akka.io.udp.disabled-buffer-pool", config.GetString("akka.io.udp.buffer-pool"));
        Assert.Equal(512, config.GetInt("akka.io.udp.disabled-buffer-pool.buffer-size"));
        Assert.Equal("akka.io.udp.disabled-buffer-pool", UdpSettings.Create(Sys).BufferPoolConfigPath);
    }

    [Fact]
    public void By_default_a_Received_carries_at_most_4096_bytes()
    {
        using var io = TcpLoopback.Open(this);
        var sent = TcpLoopback.Pattern(256 * 1024, 3);

        io.ClientSend(sent);
        var chunks = io.ExpectReceivedBytes(sent.Length);

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 4096));
        Assert.Equal(sent, chunks.SelectMany(c => c).ToArray());
    }
}
