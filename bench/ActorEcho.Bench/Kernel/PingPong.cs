using System.Diagnostics;
using ActorEcho.Actors;

namespace ActorEcho.Bench.Kernel;

/// <summary>Pairs of actors bouncing one message back and forth; every hop counts as a message.</summary>
internal static class PingPong
{
    private sealed class Ball
    {
        public static readonly Ball Instance = new();
    }

    private sealed class Player : ReceiveActor
    {
        private long _left;

        public Player(long hops, TaskCompletionSource done)
        {
            _left = hops;
            Receive<Ball>(_ =>
            {
                if (--_left <= 0)
                {
                    done.TrySetResult();
                    return;
                }

                Sender.Tell(Ball.Instance, Self);
            });
        }
    }

    public static async Task<double> Actors(ActorSystem system, int pairs, int totalMessages)
    {
        var perPair = totalMessages / pairs;
        var done = new List<Task>();
        var starts = new List<(IActorRef A, IActorRef B)>();
        for (var i = 0; i < pairs; i++)
        {
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            // Each player counts its own receives: half the hops each.
            var a = system.ActorOf(Props.Create(() => new Player(perPair / 2, tcs)));
            var b = system.ActorOf(Props.Create(() => new Player(perPair / 2 + 1, new TaskCompletionSource())));
            starts.Add((a, b));
            done.Add(tcs.Task);
        }

        var sw = Stopwatch.StartNew();
        foreach (var (a, b) in starts)
        {
            a.Tell(Ball.Instance, b);
        }

        await Task.WhenAll(done);
        sw.Stop();
        foreach (var (a, b) in starts)
        {
            system.Stop(a);
            system.Stop(b);
        }

        return KernelSuite.Rate((long)pairs * perPair, sw);
    }

    public static async Task<double> Channels(int pairs, int totalMessages)
    {
        var perPair = totalMessages / pairs;
        var tasks = new List<Task>();
        var firsts = new List<System.Threading.Channels.Channel<Ball>>();
        for (var i = 0; i < pairs; i++)
        {
            var ca = KernelSuite.NewChannel<Ball>();
            var cb = KernelSuite.NewChannel<Ball>();
            tasks.Add(Player(ca, cb, perPair / 2));
            _ = Player(cb, ca, perPair / 2 + 1);
            firsts.Add(ca);
        }

        var sw = Stopwatch.StartNew();
        foreach (var c in firsts)
        {
            c.Writer.TryWrite(Ball.Instance);
        }

        await Task.WhenAll(tasks);
        sw.Stop();
        return KernelSuite.Rate((long)pairs * perPair, sw);

        static async Task Player(System.Threading.Channels.Channel<Ball> inbox, System.Threading.Channels.Channel<Ball> peer, long hops)
        {
            await Task.Yield();
            var left = hops;
            while (await inbox.Reader.WaitToReadAsync())
            {
                while (inbox.Reader.TryRead(out var ball))
                {
                    if (--left <= 0)
                    {
                        return;
                    }

                    peer.Writer.TryWrite(ball);
                }
            }
        }
    }
}
