using ActorEcho.Actors.Cell;

namespace ActorEcho.Actors.Tests;

public class SegmentedMpscQueueTests
{
    private sealed class Holder
    {
        public SegmentedMpscQueue<(int Producer, int Seq)> Queue;
    }

    [Fact]
    public void EmptyQueue_Should_DequeueNothing()
    {
        var h = new Holder();
        Assert.True(h.Queue.IsEmpty);
        Assert.False(h.Queue.TryDequeue(out _));
    }

    [Fact]
    public void SingleProducer_Should_KeepOrderAcrossSegments()
    {
        var h = new Holder();
        for (var i = 0; i < 10_000; i++)
        {
            h.Queue.Enqueue((0, i));
        }

        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(h.Queue.TryDequeue(out var item));
            Assert.Equal(i, item.Seq);
        }

        Assert.True(h.Queue.IsEmpty);
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
                if (h.Queue.TryDequeue(out var item))
                {
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
                h.Queue.Enqueue((p, i));
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        await consumer;
        Assert.Equal(producers * perProducer, received);
        Assert.All(next, n => Assert.Equal(perProducer, n));
        Assert.True(h.Queue.IsEmpty);
    }
}
