using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Bench.Io;

/// <summary>
/// The load both echo servers get: N client connections, each keeping K messages of S bytes in
/// flight (a new one is sent for each one echoed back), for a fixed time after a warm-up. Counts
/// echoed messages and samples each message's round trip for the p99.
/// </summary>
internal static class EchoLoad
{
    /// <summary>
    /// One run's figures. CPU and allocation are the whole process's (server and clients) per echoed
    /// message over the measured window (thread-pool work items too: each actor hop is one); the
    /// clients' share is the same for both servers.
    /// </summary>
    public sealed record Result(double MessagesPerSecond, double P50Micros, double P99Micros, double CpuMicrosPerMessage, double AllocatedBytesPerMessage, double WorkItemsPerMessage);

    public static async Task<Result> RunAsync(IPEndPoint server, int connections, int outstanding, int size, TimeSpan warmUp, TimeSpan measure)
    {
        var sockets = new List<Socket>(connections);
        try
        {
            // Connect in modest waves so the accept backlog never overflows.
            for (var i = 0; i < connections; i += 100)
            {
                var wave = Enumerable.Range(i, Math.Min(100, connections - i)).Select(async _ =>
                {
                    var s = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    await s.ConnectAsync(server);
                    return s;
                });
                sockets.AddRange(await Task.WhenAll(wave));
            }

            using var stop = new CancellationTokenSource();
            var state = new Shared();
            var loops = sockets.Select(s => ClientAsync(s, outstanding, size, state, stop.Token)).ToArray();

            await Task.Delay(warmUp);
            var startCount = Interlocked.Read(ref state.Completed);
            state.Recording = true;
            var clock = Stopwatch.StartNew();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var workItemsBefore = ThreadPool.CompletedWorkItemCount;
            await Task.Delay(measure);
            state.Recording = false;
            var count = Interlocked.Read(ref state.Completed) - startCount;
            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            var workItems = ThreadPool.CompletedWorkItemCount - workItemsBefore;
            await stop.CancelAsync();
            foreach (var s in sockets)
            {
                s.Dispose();
            }

            await Task.WhenAll(loops);
            var samples = state.Samples();
            var perMessage = Math.Max(1, count);
            return new Result(count / seconds, Percentile(samples, 0.50), Percentile(samples, 0.99), cpu.TotalMicroseconds / perMessage, allocated / (double)perMessage, workItems / (double)perMessage);
        }
        finally
        {
            foreach (var s in sockets)
            {
                s.Dispose();
            }
        }
    }

    private static double Percentile(long[] sortedTicks, double p)
    {
        if (sortedTicks.Length == 0)
        {
            return double.NaN;
        }

        var index = Math.Min(sortedTicks.Length - 1, (int)(p * sortedTicks.Length));
        return sortedTicks[index] * 1_000_000.0 / Stopwatch.Frequency;
    }

    private static async Task ClientAsync(Socket socket, int outstanding, int size, Shared state, CancellationToken stop)
    {
        var message = new byte[size * outstanding];
        var sentAt = new Queue<long>(outstanding);
        var buffer = new byte[Math.Max(64 * 1024, size * outstanding)];
        var local = new List<long>(1024);
        var partial = 0;
        try
        {
            var now = Stopwatch.GetTimestamp();
            for (var i = 0; i < outstanding; i++)
            {
                sentAt.Enqueue(now);
            }

            await socket.SendAsync(message.AsMemory(0, size * outstanding), SocketFlags.None, stop);
            while (!stop.IsCancellationRequested)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, stop);
                if (n == 0)
                {
                    break;
                }

                partial += n;
                var done = partial / size;
                partial %= size;
                if (done == 0)
                {
                    continue;
                }

                now = Stopwatch.GetTimestamp();
                var recording = state.Recording;
                for (var i = 0; i < done; i++)
                {
                    var t = sentAt.Dequeue();
                    if (recording)
                    {
                        local.Add(now - t);
                    }

                    sentAt.Enqueue(now);
                }

                Interlocked.Add(ref state.Completed, done);
                await socket.SendAsync(message.AsMemory(0, size * done), SocketFlags.None, stop);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            state.Add(local);
        }
    }

    private sealed class Shared
    {
        private readonly Lock _lock = new();
        private readonly List<long> _all = [];
        public long Completed;
        public volatile bool Recording;

        public void Add(List<long> samples)
        {
            lock (_lock)
            {
                _all.AddRange(samples);
            }
        }

        public long[] Samples()
        {
            lock (_lock)
            {
                var array = _all.ToArray();
                Array.Sort(array);
                return array;
            }
        }
    }
}
