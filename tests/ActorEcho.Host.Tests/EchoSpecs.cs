using System.Text;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

public sealed class EchoSpecs(ITestOutputHelper output) : HostSpec(output)
{
    private const int Clients = 200;
    private const int MessagesPerClient = 6;

    [Fact]
    public async Task TwoHundredClients_Should_EachReadBackExactlyTheirOwnBytes()
    {
        await using var host = await StartHostAsync();
        var endPoint = TcpEndPoint(host, "session-tcp");
        using var cts = Deadline(45);

        async Task RunClient(int id)
        {
            await using var client = await TcpTestClient.ConnectAsync(endPoint, cts.Token);
            for (var m = 0; m < MessagesPerClient; m++)
            {
                // Alternate: half-lines without a newline (echoed at once, no line needed) and
                // lines that end in one; none starts with '/', so none is a command.
                var text = m % 2 == 0
                    ? $"client {id} message {m} without newline "
                    : $"client {id} message {m} with newline ünïcødé\n";
                var sent = Encoding.UTF8.GetBytes(text);
                await client.SendAsync(sent, cts.Token);
                var received = await client.ReadExactlyAsync(sent.Length, cts.Token);
                Assert.Equal(text, Encoding.UTF8.GetString(received));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(RunClient));
    }

    [Fact]
    public async Task EchoEndpoint_Should_EchoCommandsVerbatim()
    {
        // RFC 862: the plain echo endpoint has no commands, so "/time" comes back as sent.
        await using var host = await StartHostAsync();
        using var cts = Deadline(15);
        await using var client = await TcpTestClient.ConnectAsync(TcpEndPoint(host, "echo-tcp"), cts.Token);
        await client.SendAsync("/time\nplain\n", cts.Token);
        Assert.Equal("/time", await client.ReadLineAsync(cts.Token));
        Assert.Equal("plain", await client.ReadLineAsync(cts.Token));
    }

    [Fact]
    public async Task SessionEndpoint_Should_AnswerHelpAndTime()
    {
        await using var host = await StartHostAsync();
        using var cts = Deadline(15);
        await using var client = await TcpTestClient.ConnectAsync(TcpEndPoint(host, "session-tcp"), cts.Token);
        await client.SendAsync("/help\r\n/time\n/quit\n", cts.Token);
        Assert.StartsWith("HELP /time /nick NAME", await client.ReadLineAsync(cts.Token), StringComparison.Ordinal);
        var time = await client.ReadLineAsync(cts.Token);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", time);
        var parsed = DateTime.Parse(time!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange((DateTime.UtcNow - parsed).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal("BYE", await client.ReadLineAsync(cts.Token));
        Assert.Null(await client.ReadLineAsync(cts.Token));
    }
}
