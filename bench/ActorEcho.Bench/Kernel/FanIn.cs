using System.Diagnostics;
using ActorEcho.Actors;

namespace ActorEcho.Bench.Kernel;

/// <summary>Many producers telling one actor as fast as they can; the rate is messages processed per second.</summary>
internal static class FanIn
{
    private sealed class Msg
    {
        public static readonly Msg Instance = new();
    }

    private sealed class Sink : ReceiveActor
    {
        private long _left;

        public Sink(long expected, TaskCompletionSource done)
        {
            _left = expected;
            Receive<Msg>(_ =>
            {
                if (--_left == 0)
                {
                    done.TrySetResult();
                }
            });
        }
    }

    public static async Task<double> Actors(ActorSystem system, int producers, int perProducer)
    {
        var total = (long)producers * perProducer;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sink = system.ActorOf(Props.Create(() => new Sink(total, done)));
        var sw = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, producers).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                sink.Tell(Msg.Instance, null);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        RoundDiagnostics.Note("produced", sw.Elapsed);
        await done.Task;
        sw.Stop();
        system.Stop(sink);
        return KernelSuite.Rate(total, sw);
    }

    public static async Task<double> Channels(int producers, int perProducer)
    {
        var total = (long)producers * perProducer;
        var channel = KernelSuite.NewChannel<Msg>();
        var reader = Task.Run(async () =>
        {
            var left = total;
            while (await channel.Reader.WaitToReadAsync())
            {
                while (channel.Reader.TryRead(out _))
                {
                    if (--left == 0)
                    {
                        return;
                    }
                }
            }
        });
        var sw = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, producers).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                channel.Writer.TryWrite(Msg.Instance);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        RoundDiagnostics.Note("produced", sw.Elapsed);
        await reader;
        sw.Stop();
        return KernelSuite.Rate(total, sw);
    }
}
