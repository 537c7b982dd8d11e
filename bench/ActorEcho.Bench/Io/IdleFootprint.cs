using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Bench.Io;

/// <summary>
/// Managed memory per idle connection on the server side: connect N clients that never send,
/// wait until the server holds them all, and compare the GC heap before and after. The client
/// sockets cost the same in both runs, so the difference between servers is their own cost.
/// </summary>
internal static class IdleFootprint
{
    public static async Task<double> BytesPerConnectionAsync(IPEndPoint server, int count, Func<int> serverConnections)
    {
        var before = Settle();
        var sockets = new List<Socket>(count);
        try
        {
            for (var i = 0; i < count; i += 100)
            {
                var wave = Enumerable.Range(i, Math.Min(100, count - i)).Select(async _ =>
                {
                    var s = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    await s.ConnectAsync(server);
                    return s;
                });
                sockets.AddRange(await Task.WhenAll(wave));
            }

            var clock = Stopwatch.StartNew();
            while (serverConnections() < count && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(20);
            }

            // Let every connection reach its idle wait before measuring.
            await Task.Delay(500);
            var after = Settle();
            return (after - before) / (double)count;
        }
        finally
        {
            foreach (var s in sockets)
            {
                s.Dispose();
            }
        }
    }

    private static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
