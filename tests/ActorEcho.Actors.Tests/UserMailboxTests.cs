using ActorEcho.Actors.Cell;

namespace ActorEcho.Actors.Tests;

public class UserMailboxTests
{
    // The mailbox is a mutable struct that must live in a field, as it does in the cell.
    private sealed class Holder
    {
        public UserMailbox Mailbox;
    }

    private sealed record Item(int Producer, int Seq);

    private static Envelope E(int producer, int seq) => new(new Item(producer, seq), null);

    private static Item Take(Holder h)
    {
        Assert.True(h.Mailbox.TryDequeue(out var envelope));
        return (Item)envelope.Message;
    }

    [Fact]
    public void EmptyMailbox_Should_DequeueNothing()
    {
        var h = new Holder();
        Assert.True(h.Mailbox.IsEmpty);
        Assert.False(h.Mailbox.TryDequeue(out _));
    }

    [Fact]
    public void SingleProducer_Should_KeepOrderAcrossGrowingSegments()
    {
        var h = new Holder();
        for (var i = 0; i < 100_000; i++)
        {
            h.Mailbox.Enqueue(E(0, i));
        }

        Assert.False(h.Mailbox.IsEmpty);
        for (var i = 0; i < 100_000; i++)
        {
            Assert.Equal(i, Take(h).Seq);
        }

        Assert.True(h.Mailbox.IsEmpty);
        Assert.False(h.Mailbox.TryDequeue(out _));
    }

    [Fact]
    public void SteadyTraffic_Should_WrapAroundOneRingInOrder()
    {
        // Never more than three queued: the first ring (MinSegment slots) is reused lap after lap.
        var h = new Holder();
        var next = 0;
        for (var i = 0; i < 10_000; i++)
        {
            h.Mailbox.Enqueue(E(0, i));
            if (i % 3 == 2)
            {
                for (var k = 0; k < 3; k++)
                {
                    Assert.Equal(next++, Take(h).Seq);
                }
            }
        }

        while (h.Mailbox.TryDequeue(out var e))
        {
            Assert.Equal(next++, ((Item)e.Message).Seq);
        }

        Assert.Equal(10_000, next);
    }

    [Fact]
    public void SteadyTraffic_Should_AllocateNothingPerMessage()
    {
        var h = new Holder();
        var item = new Envelope("m", null);

        // Warm up: the first ring and the JIT.
        for (var i = 0; i < 1_000; i++)
        {
            h.Mailbox.Enqueue(item);
            Assert.True(h.Mailbox.TryDequeue(out _));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            h.Mailbox.Enqueue(item);
            h.Mailbox.Enqueue(item);
            Assert.True(h.Mailbox.TryDequeue(out _));
            Assert.True(h.Mailbox.TryDequeue(out _));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ConsumerInTheMiddleOfARing_Should_SeeOrderKeptWhenTheRingGrows()
    {
        // Fill part, drain part (head mid-ring), then overflow into a new segment.
        var h = new Holder();
        var produced = 0;
        var consumed = 0;
        for (var round = 0; round < 50; round++)
        {
            for (var i = 0; i < 7 + round; i++)
            {
                h.Mailbox.Enqueue(E(0, produced++));
            }

            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(consumed++, Take(h).Seq);
            }
        }

        while (h.Mailbox.TryDequeue(out var e))
        {
            Assert.Equal(consumed++, ((Item)e.Message).Seq);
        }

        Assert.Equal(produced, consumed);
        Assert.True(h.Mailbox.IsEmpty);
    }

    [Fact]
    public async Task ConcurrentProducers_Should_LoseNothingAndKeepPerProducerOrder()
    {
        const int producers = 8;
        const int perProducer = 50_000;
        var h = new Holder();
        var next = new int[producers];
        var received = 0;
        var consumer = Task.Run(() =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (received < producers * perProducer && DateTime.UtcNow < deadline)
            {
                if (h.Mailbox.TryDequeue(out var envelope))
                {
                    var item = (Item)envelope.Message;
                    Assert.Equal(next[item.Producer], item.Seq);
                    next[item.Producer]++;
                    received++;
                }
                else
                {
                    Thread.SpinWait(20);
                }
            }
        });
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                h.Mailbox.Enqueue(E(p, i));
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        await consumer;
        Assert.Equal(producers * perProducer, received);
        Assert.All(next, n => Assert.Equal(perProducer, n));
        Assert.True(h.Mailbox.IsEmpty);
    }

    [Fact]
    public async Task BurstyConcurrentProducers_Should_LoseNothingWhileRingsFreezeAndGrow()
    {
        // Producers that pause between bursts let the consumer catch up, so rings are frozen and
        // grown while the consumer is in every possible place: before, inside and behind them.
        const int producers = 4;
        const int bursts = 200;
        const int burst = 64;
        var h = new Holder();
        var next = new int[producers];
        var received = 0;
        using var barrier = new Barrier(producers);
        var consumer = Task.Run(() =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (received < producers * bursts * burst && DateTime.UtcNow < deadline)
            {
                if (h.Mailbox.TryDequeue(out var envelope))
                {
                    var item = (Item)envelope.Message;
                    Assert.Equal(next[item.Producer], item.Seq);
                    next[item.Producer]++;
                    received++;
                }
            }
        });
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Factory.StartNew(() =>
        {
            var seq = 0;
            for (var b = 0; b < bursts; b++)
            {
                barrier.SignalAndWait(TimeSpan.FromSeconds(30));
                for (var i = 0; i < burst; i++)
                {
                    h.Mailbox.Enqueue(E(p, seq++));
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(tasks);
        await consumer;
        Assert.Equal(producers * bursts * burst, received);
        Assert.True(h.Mailbox.IsEmpty);
    }

    [Fact]
    public void Layout_Should_KeepProducerAndConsumerFieldsOnSeparateCacheLines()
    {
        Assert.Equal(120, System.Runtime.CompilerServices.Unsafe.SizeOf<UserMailbox>());
    }
}
