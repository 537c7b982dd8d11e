using ActorEcho.Server.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Outbound;

public sealed class SlowReaderTests : ServerTestKit
{
    public SlowReaderTests(ITestOutputHelper output)
        : base(output)
    {
    }

    /// <summary>One write in flight at a time and room for 3 queued chat lines, so a reader that does not ack falls behind fast.</summary>
    private (FakeClient Sender, FakeClient Reader) StartRoom(SlowReaderPolicy policy)
    {
        StartServer(ServerSettings.Default with
        {
            Session = new SessionSettings { MaxInFlightBytes = 1, MaxQueuedMessages = 3, SlowReaderPolicy = policy },
            Chat = new ChatSettings { RateBurst = 100 },
        });
        var sender = Connect();
        var reader = Connect();
        Command(sender, "/nick alice");
        Command(sender, "/join");
        Command(reader, "/join");
        Assert.Equal("[lobby] * guest-2 joined", sender.ExpectLine());
        reader.AutoAck = false;
        return (sender, reader);
    }

    [Fact]
    public void DropOldest_Should_DropTheOldestQueuedLines_AndTellTheReaderOnceThereIsRoom()
    {
        var (sender, reader) = StartRoom(SlowReaderPolicy.DropOldest);

        sender.Send(string.Concat(Enumerable.Range(1, 10).Select(i => $"{i}\n")));
        Assert.Equal("[lobby] alice: 1", reader.ExpectLine());
        reader.ExpectNothing();

        // Lines 2..7 were dropped to keep the queue at 3 (8, 9, 10); the sender was never slowed.
        Assert.Equal("STATS connections=2 sessions=2 messages_in=5 messages_out=5 restarts=0 drops=6 rooms=1", Command(sender, "/stats"));
        // The reader catches up one write at a time.
        foreach (var expected in new[] { "[lobby] alice: 8", "[lobby] alice: 9", "[lobby] alice: 10", "NOTICE dropped 6 messages; you are reading too slowly" })
        {
            reader.AckAll();
            Assert.Equal(expected, reader.ExpectLine());
        }
    }

    [Fact]
    public void Disconnect_Should_SendAFinalNoticeAndClose_TheSlowReaderOnly()
    {
        var (sender, reader) = StartRoom(SlowReaderPolicy.Disconnect);
        Watch(reader.Handler);

        sender.Send("1\n2\n3\n4\n5\n");
        Assert.Equal("[lobby] alice: 1", reader.ExpectLine());
        reader.ExpectNothing();
        reader.AckAll();

        Assert.Equal("NOTICE disconnected: you are reading too slowly", reader.ExpectLine());
        reader.AckAll();
        reader.ExpectClose();
        ExpectTerminated(reader.Handler);
        Assert.Equal("[lobby] * guest-2 left", sender.ExpectLine());
        Assert.EndsWith("drops=4 rooms=1", Command(sender, "/stats"), StringComparison.Ordinal);
    }

    [Fact]
    public void OwnEcho_Should_NeverBeDropped_ButHoldReadingBackAboveTheWatermark()
    {
        StartServer(ServerSettings.Default with { Session = new SessionSettings { MaxInFlightBytes = 4, EchoHighWatermark = 10 } });
        var client = Connect();
        client.AutoAck = false;

        client.ExpectReadRequest();
        client.Send("0123456789ABCDEF");
        client.ExpectText("0123456789ABCDEF");
        client.ExpectReadRequest();

        // 16 more bytes wait behind the unacked first write: above the watermark, so the session
        // asks for no further chunk (pull mode: TCP holds the client back).
        client.Send("abcdefghijklmnop");
        client.ExpectNoReadRequest();

        client.AckAll();
        client.ExpectText("abcdefghijklmnop");
        client.ExpectReadRequest();
    }
}
