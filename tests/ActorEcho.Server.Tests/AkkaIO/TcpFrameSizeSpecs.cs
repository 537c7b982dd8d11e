using Akka.Configuration;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.AkkaIO;

/// <summary>
/// <c>akka.io.tcp.maximum-frame-size</c> bounds each <see cref="Tcp.Received"/>: a read goes into one
/// buffer of that size, taken from the shared array pool, which rounds it up to a power of two.
/// The setting must not exceed <c>receive-buffer-size</c> or <c>send-buffer-size</c> (both 8k by
/// default, and applied to no socket), so raising it means raising them too.
/// </summary>
public sealed class TcpFrameSizeSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(
    """
    akka.io.tcp {
      maximum-frame-size = 16k
      receive-buffer-size = 16k
      send-buffer-size = 16k
    }
    """,
    output)
{
    private const int OneMiB = 1024 * 1024;

    [Fact]
    public void Every_Received_carries_at_most_maximum_frame_size_bytes_and_together_they_are_the_stream()
    {
        using var io = TcpLoopback.Open(this);
        var sent = TcpLoopback.Pattern(OneMiB);

        io.ClientSend(sent);
        var chunks = io.ExpectReceivedBytes(OneMiB);

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 16 * 1024));
        Assert.Contains(chunks, c => c.Length > 4096); // the setting took effect (4096 is the default)
        Assert.Equal(sent, chunks.SelectMany(c => c).ToArray());
    }

    [Fact]
    public void A_maximum_frame_size_that_is_not_a_power_of_two_is_rounded_up_to_one()
    {
        var settings = TcpSettings.Create(
            ConfigurationFactory.ParseString("maximum-frame-size = 5000").WithFallback(Sys.Settings.Config.GetConfig("akka.io.tcp")));
        Assert.Equal(5000, settings.MaxFrameSizeBytes);
        using var io = TcpLoopback.Open(this, settings: settings); // Bind.TcpSettings: this listener only
        var sent = TcpLoopback.Pattern(OneMiB, 5);

        io.ClientSend(sent);
        var chunks = io.ExpectReceivedBytes(OneMiB);

        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 8192));
        Assert.Contains(chunks, c => c.Length > 5000);
        Assert.Equal(sent, chunks.SelectMany(c => c).ToArray());
    }

    [Fact]
    public void A_maximum_frame_size_above_the_receive_or_send_buffer_size_is_rejected()
    {
        var tcp = Sys.Settings.Config.GetConfig("akka.io.tcp");

        var receive = Assert.Throws<ArgumentException>(() => TcpSettings.Create(
            ConfigurationFactory.ParseString("maximum-frame-size = 32k, send-buffer-size = 32k").WithFallback(tcp)));
        var send = Assert.Throws<ArgumentException>(() => TcpSettings.Create(
            ConfigurationFactory.ParseString("maximum-frame-size = 32k, receive-buffer-size = 32k").WithFallback(tcp)));

        Assert.StartsWith("ReceiveBufferSize (16384)", receive.Message, StringComparison.Ordinal);
        Assert.StartsWith("SendBufferSize (16384)", send.Message, StringComparison.Ordinal);
        Assert.Equal(32 * 1024, TcpSettings.Create(
            ConfigurationFactory.ParseString("maximum-frame-size = 32k, send-buffer-size = 32k, receive-buffer-size = 32k").WithFallback(tcp)).MaxFrameSizeBytes);
    }
}
