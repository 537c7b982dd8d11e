using ActorEcho.Server.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Outbound;

/// <summary>
/// The back-pressure policy: a member whose chat queue passes <c>max-queued-messages</c> holds the
/// room's senders (their input is not parsed and no further chunk is read) instead of losing
/// lines; a member that holds its senders (past the mark, not yet down to half) for
/// <c>slow-reader-timeout</c> is cut off and the room goes on.
/// </summary>
public sealed class BackpressureTests : ServerTestKit
{
    public BackpressureTests(ITestOutputHelper output)
        : base(output)
    {
    }

    /// <summary>One write in flight at a time and a high-water mark of 3 chat lines, so a reader that does not ack congests fast.</summary>
    private (FakeClient Sender, FakeClient Reader) StartRoom()
    {
        StartServer(ServerSettings.Default with
        {
            Session = new SessionSettings
            {
                MaxInFlightBytes = 1,
                MaxQueuedMessages = 3,
                SlowReaderPolicy = SlowReaderPolicy.Backpressure,
                SlowReaderTimeout = TimeSpan.FromSeconds(5),
            },
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
    public void CongestedReader_Should_HoldTheSender_AndLoseNoLine_ThenReleaseItAtHalf()
    {
        var (sender, reader) = StartRoom();

        sender.Send(string.Concat(Enumerable.Range(1, 10).Select(i => $"{i}\n")));
        Assert.Equal("[lobby] alice: 1", reader.ExpectLine());

        // The reader's queue passed 3: the sender is held, so its next command is not answered.
        AwaitHeld(1);
        sender.Send("/time\n");
        sender.ExpectNothing();

        // The reader catches up; at half the mark the sender goes on, and no line was dropped.
        for (var i = 2; i <= 10; i++)
        {
            reader.AckAll();
            Assert.Equal($"[lobby] alice: {i}", reader.ExpectLine());
        }

        Assert.Equal("2026-11-21T10:15:30.123Z", sender.ExpectLine());
        Assert.EndsWith("drops=0 rooms=1", Command(sender, "/stats"), StringComparison.Ordinal);
        reader.AckAll();
        reader.ExpectNothing();
    }

    [Fact]
    public void ReaderThatStopsReading_Should_BeCutOffAfterTheTimeout_AndTheRoomGoesOn()
    {
        var (sender, reader) = StartRoom();
        Watch(reader.Handler);

        CongestReader(sender, reader);
        sender.Send("/time\n");
        sender.ExpectNothing();

        Scheduler.Advance(TimeSpan.FromSeconds(5));

        ExpectCutOff_AndTheSenderReleased(sender, reader);
    }

    [Fact]
    public void ReaderThatCatchesUpToHalf_WithinTheTimeout_Should_NotBeCutOff()
    {
        var (sender, reader) = StartRoom();

        CongestReader(sender, reader);
        Scheduler.Advance(TimeSpan.FromSeconds(4));

        // Down to one queued line (half the mark of 3): the hold ends and the timer with it.
        foreach (var expected in new[] { "[lobby] alice: 2", "[lobby] alice: 3", "[lobby] alice: 4" })
        {
            reader.AckAll();
            Assert.Equal(expected, reader.ExpectLine());
        }

        AwaitHeld(0);
        Scheduler.Advance(TimeSpan.FromSeconds(4));
        reader.AckAll();
        Assert.Equal("[lobby] alice: 5", reader.ExpectLine());
        Assert.False(reader.CloseRequested);
    }

    [Fact]
    public void ReaderThatStopsBetweenTheMarkAndHalf_Should_StillBeCutOff_AndTheRoomGoesOn()
    {
        var (sender, reader) = StartRoom();
        Watch(reader.Handler);

        CongestReader(sender, reader);

        // Two lines read: two queued, below the mark of 3 but above half, so the sender stays held.
        // The reader stops there; it must not hold the room for ever.
        reader.AckAll();
        Assert.Equal("[lobby] alice: 2", reader.ExpectLine());
        reader.AckAll();
        Assert.Equal("[lobby] alice: 3", reader.ExpectLine());
        sender.Send("/time\n");
        sender.ExpectNothing();

        // Its unsent lines (4 and 5) go with it.
        Scheduler.Advance(TimeSpan.FromSeconds(5));

        ExpectCutOff_AndTheSenderReleased(sender, reader);
    }

    [Fact]
    public void PrivateMessageToACongestedReader_Should_HoldItsSender_NoLongerThanTheTimeout()
    {
        var (sender, reader) = StartRoom();
        var other = Connect();
        Command(reader, "/nick carol");
        reader.AckAll();

        CongestReader(sender, reader);

        // Not in the room, but it writes to the congested reader: held too.
        Assert.Equal(string.Empty, SendAndExpectNoReply(other, "/msg carol hi"));
        AwaitHeld(2);
        other.Send("/time\n");
        other.ExpectNothing();

        Scheduler.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("2026-11-21T10:15:30.123Z", other.ExpectLine());
    }

    /// <summary>Five lines from the sender: the reader (no acks) gets the first in flight and four queue, past the mark of 3.</summary>
    private void CongestReader(FakeClient sender, FakeClient reader)
    {
        sender.Send("1\n2\n3\n4\n5\n");
        Assert.Equal("[lobby] alice: 1", reader.ExpectLine());
        AwaitHeld(1);
    }

    /// <summary>
    /// The reader gets the disconnect notice and is closed (its handler watched by the test), and the
    /// sender, whose <c>/time</c> waited, is answered and sees the reader leave.
    /// </summary>
    private void ExpectCutOff_AndTheSenderReleased(FakeClient sender, FakeClient reader)
    {
        reader.AckAll();
        Assert.Equal("NOTICE disconnected: you are reading too slowly", reader.ExpectLine());
        reader.AckAll();
        reader.ExpectClose();
        ExpectTerminated(reader.Handler);
        Assert.Equal("2026-11-21T10:15:30.123Z", sender.ExpectLine());
        Assert.Equal("[lobby] * guest-2 left", sender.ExpectLine());
    }

    private static string SendAndExpectNoReply(FakeClient client, string line)
    {
        client.Send(line + "\n");
        client.ExpectNothing();
        return client.Pending;
    }

    /// <summary>Waits until the hub holds <paramref name="count"/> sessions (it tells a session before it counts it).</summary>
    private void AwaitHeld(int count) =>
        AwaitAssert(() => Assert.Equal(count, Runtime.Counters.Snapshot().HeldSessions));
}
