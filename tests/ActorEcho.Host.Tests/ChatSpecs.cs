using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

public sealed class ChatSpecs(ITestOutputHelper output) : HostSpec(output)
{
    private const int Members = 50;

    // Within the default burst (40) of the chat rate limit, so no line is refused.
    private const int LinesPerMember = 5;

    [Fact]
    public async Task FiftyMembers_Should_ReceiveEveryOtherMembersLinesExactlyOnceInOrder()
    {
        await using var host = await StartHostAsync();
        var endPoint = TcpEndPoint(host, "session-tcp");
        using var cts = Deadline(45);
        var clients = await Task.WhenAll(Enumerable.Range(0, Members).Select(_ => TcpTestClient.ConnectAsync(endPoint, cts.Token)));
        try
        {
            // Everyone is in the room before anyone speaks, so every line has 49 recipients.
            await Task.WhenAll(clients.Select((c, i) => JoinAsync(c, i, cts.Token)));

            await Task.WhenAll(clients.Select(async (c, i) =>
            {
                var lines = string.Concat(Enumerable.Range(0, LinesPerMember).Select(k => $"line {k} from m{i}\n"));
                await c.SendAsync(lines, cts.Token);
            }));

            var received = await Task.WhenAll(clients.Select((c, i) => CollectAsync(c, i, cts.Token)));
            for (var me = 0; me < Members; me++)
            {
                for (var sender = 0; sender < Members; sender++)
                {
                    var expected = sender == me
                        ? []
                        : Enumerable.Range(0, LinesPerMember).Select(k => $"[room1] m{sender}: line {k} from m{sender}").ToArray();
                    var actual = received[me].Where(l => l.StartsWith($"[room1] m{sender}: ", StringComparison.Ordinal)).ToArray();
                    Assert.Equal(expected, actual);
                }
            }
        }
        finally
        {
            foreach (var c in clients)
            {
                await c.DisposeAsync();
            }
        }
    }

    private static async Task JoinAsync(TcpTestClient client, int id, CancellationToken ct)
    {
        await client.SendAsync($"/nick m{id}\n/join room1\n", ct);
        Assert.Equal($"OK nick m{id}", await client.ReadLineAsync(ct));
        var joined = await client.ReadLineAsync(ct);
        while (joined is not null && joined.StartsWith("[room1] * ", StringComparison.Ordinal))
        {
            joined = await client.ReadLineAsync(ct);
        }

        Assert.StartsWith("OK joined room1 (", joined, StringComparison.Ordinal);
    }

    // Reads until all 49 * 5 chat lines from others are in, skipping join notices; then a /rooms
    // round trip proves nothing else (a duplicate, an echo of its own line) was queued before it.
    private static async Task<List<string>> CollectAsync(TcpTestClient client, int id, CancellationToken ct)
    {
        var chat = new List<string>();
        const int expected = (Members - 1) * LinesPerMember;
        for (var guard = 0; chat.Count < expected && guard < expected + (2 * Members); guard++)
        {
            var line = await client.ReadLineAsync(ct) ?? throw new InvalidOperationException($"m{id}: closed after {chat.Count} chat lines");
            if (!line.StartsWith("[room1] * ", StringComparison.Ordinal))
            {
                chat.Add(line);
            }
        }

        Assert.Equal(expected, chat.Count);
        await client.SendAsync("/rooms\n", ct);
        Assert.Equal("ROOMS 1: room1(50)", await client.ReadLineAsync(ct));
        return chat;
    }
}
