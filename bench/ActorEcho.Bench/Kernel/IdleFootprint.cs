using ActorEcho.Actors;

namespace ActorEcho.Bench.Kernel;

/// <summary>GC heap bytes per idle actor: 100k started actors that wait for a message, divided by 100k.</summary>
internal static class IdleFootprint
{
    private sealed class Idle(SpawnStop.Counter started) : ReceiveActor
    {
        protected override void PreStart() => started.Stopped();
    }

    public static async Task<double> Actors(ActorSystem system, int count)
    {
        var started = new SpawnStop.Counter(count);
        var before = Measure();
        var props = Props.Create(() => new Idle(started));
        var refs = new IActorRef[count];
        for (var i = 0; i < count; i++)
        {
            refs[i] = system.ActorOf(props);
        }

        await started.Done.Task;
        var after = Measure();
        GC.KeepAlive(refs);
        foreach (var r in refs)
        {
            system.Stop(r);
        }

        // refs array itself: 8 bytes per actor of the measurement harness, not of the actor.
        return (after - before - (8.0 * count)) / count;
    }

    public static async Task<double> Channels(int count)
    {
        var before = Measure();
        var channels = new System.Threading.Channels.Channel<object>[count];
        var readers = new Task[count];
        var started = new SpawnStop.Counter(count);
        for (var i = 0; i < count; i++)
        {
            var channel = channels[i] = KernelSuite.NewChannel<object>();
            readers[i] = Reader(channel, started);
        }

        await started.Done.Task;
        var after = Measure();
        foreach (var c in channels)
        {
            c.Writer.Complete();
        }

        await Task.WhenAll(readers);
        return (after - before - (16.0 * count)) / count;

        static async Task Reader(System.Threading.Channels.Channel<object> channel, SpawnStop.Counter started)
        {
            started.Stopped();
            while (await channel.Reader.WaitToReadAsync())
            {
                while (channel.Reader.TryRead(out _))
                {
                }
            }
        }
    }

    private static long Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
