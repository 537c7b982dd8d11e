using Akka.Dispatch.MessageQueues;
using ActorEcho.Server.Mailboxes;

namespace ActorEcho.Server.Tests.Mailboxes;

/// <summary>
/// The compact mailbox's queue on its own: first in, first out across growth and wrap-around, no
/// buffer while it has never held a message, a burst's large buffer given back once it is empty,
/// dead letters in order at clean-up, and every message of several concurrent senders delivered
/// once, each sender's in its order.
/// </summary>
public sealed class CompactUnboundedMessageQueueTests
{
    [Fact]
    public void NewQueue_Should_HoldNoBuffer_AndHaveNothing()
    {
        var queue = new CompactUnboundedMessageQueue();

        Assert.Equal(0, queue.Capacity);
        Assert.False(queue.HasMessages);
        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeue(out _));
        Assert.Equal(0, queue.Capacity);
    }

    [Fact]
    public void Messages_Should_ComeOutInOrder_AcrossGrowthAndWrapAround()
    {
        var queue = new CompactUnboundedMessageQueue();
        var next = 0;
        var expected = 0;

        // Keep the ring partly full while adding, so the head walks around it as it grows.
        for (var round = 0; round < 50; round++)
        {
            for (var i = 0; i < 7; i++)
            {
                queue.Enqueue(ActorRefs.Nobody, new Envelope(next++, ActorRefs.NoSender));
            }

            for (var i = 0; i < 5; i++)
            {
                Assert.True(queue.TryDequeue(out var envelope));
                Assert.Equal(expected++, envelope.Message);
            }

            Assert.Equal(next - expected, queue.Count);
            Assert.True(queue.HasMessages);
        }

        while (queue.TryDequeue(out var envelope))
        {
            Assert.Equal(expected++, envelope.Message);
        }

        Assert.Equal(next, expected);
        Assert.False(queue.HasMessages);
    }

    [Fact]
    public void EmptiedQueue_Should_KeepASmallRing_AndGiveBackALargeOne()
    {
        var queue = new CompactUnboundedMessageQueue();
        queue.Enqueue(ActorRefs.Nobody, new Envelope("one", ActorRefs.NoSender));
        Assert.True(queue.TryDequeue(out _));
        Assert.InRange(queue.Capacity, 1, CompactUnboundedMessageQueue.KeepCapacity);

        for (var i = 0; i < 1_000; i++)
        {
            queue.Enqueue(ActorRefs.Nobody, new Envelope(i, ActorRefs.NoSender));
        }

        Assert.True(queue.Capacity >= 1_000);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(queue.TryDequeue(out var envelope));
            Assert.Equal(i, envelope.Message);
        }

        Assert.Equal(0, queue.Capacity);
        queue.Enqueue(ActorRefs.Nobody, new Envelope("again", ActorRefs.NoSender));
        Assert.True(queue.TryDequeue(out var again));
        Assert.Equal("again", again.Message);
    }

    [Fact]
    public void CleanUp_Should_HandEveryMessageToDeadLetters_InOrder()
    {
        var queue = new CompactUnboundedMessageQueue();
        var deadLetters = new UnboundedMessageQueue();
        for (var i = 0; i < 10; i++)
        {
            queue.Enqueue(ActorRefs.Nobody, new Envelope(i, ActorRefs.NoSender));
        }

        queue.CleanUp(ActorRefs.Nobody, deadLetters);

        Assert.False(queue.HasMessages);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(deadLetters.TryDequeue(out var envelope));
            Assert.Equal(i, envelope.Message);
        }

        Assert.False(deadLetters.HasMessages);
    }

    [Fact]
    public async Task ConcurrentSenders_Should_EachArriveOnce_InTheirOwnOrder()
    {
        const int Senders = 4;
        const int PerSender = 50_000;
        var queue = new CompactUnboundedMessageQueue();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(
            () =>
            {
                for (var i = 0; i < PerSender; i++)
                {
                    queue.Enqueue(ActorRefs.Nobody, new Envelope((s, i), ActorRefs.NoSender));
                }
            },
            deadline.Token)).ToArray();

        // One consumer, as a mailbox has: it polls until every message arrived or the deadline passes.
        var next = new int[Senders];
        var received = 0;
        while (received < Senders * PerSender && !deadline.IsCancellationRequested)
        {
            if (!queue.TryDequeue(out var envelope))
            {
                Thread.Yield();
                continue;
            }

            var (sender, sequence) = ((int, int))envelope.Message;
            Assert.Equal(next[sender], sequence);
            next[sender]++;
            received++;
        }

        await Task.WhenAll(senders);
        Assert.Equal(Senders * PerSender, received);
        Assert.False(queue.HasMessages);
        Assert.All(next, n => Assert.Equal(PerSender, n));
    }
}
