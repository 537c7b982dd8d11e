using System.Diagnostics;
using ActorEcho.Actors;

namespace ActorEcho.Bench.Kernel;

/// <summary>Creating an actor and stopping it again, until every PostStop has run.</summary>
internal static class SpawnStop
{
    private sealed class Counted(Counter counter) : UntypedActor
    {
        protected override void OnReceive(object message) => Unhandled(message);

        protected override void PostStop() => counter.Stopped();
    }

    internal sealed class Counter(long target)
    {
        private long _stopped;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Stopped()
        {
            if (Interlocked.Increment(ref _stopped) == target)
            {
                Done.TrySetResult();
            }
        }
    }

    public static async Task<double> Actors(ActorSystem system, int count)
    {
        var counter = new Counter(count);
        var props = Props.Create(() => new Counted(counter));
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            system.Stop(system.ActorOf(props));
        }

        await counter.Done.Task;
        sw.Stop();
        return KernelSuite.Rate(count, sw);
    }

    public static async Task<double> Channels(int count)
    {
        var readers = new Task[count];
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var channel = KernelSuite.NewChannel<object>();
            readers[i] = Task.Run(async () =>
            {
                while (await channel.Reader.WaitToReadAsync())
                {
                    while (channel.Reader.TryRead(out _))
                    {
                    }
                }
            });
            channel.Writer.Complete();
        }

        await Task.WhenAll(readers);
        sw.Stop();
        return KernelSuite.Rate(count, sw);
    }
}
