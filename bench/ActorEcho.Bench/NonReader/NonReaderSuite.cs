using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using ActorEcho.Server;
using Akka.Actor;

namespace ActorEcho.Bench.NonReader;

/// <summary>
/// <c>nonreader [--clients 1,10,100]</c>: how much a server holds for clients that send as fast as
/// they can and never read. For each TCP port that echoes (echo-tcp, session-tcp with 100-byte
/// lines) and each client count, an in-process server with the default settings is flooded until
/// every client's sends stall (the server stopped reading from it), then the server's own counter
/// of bytes held in outbound queues is read, with the managed heap and RSS growth beside it.
/// </summary>
internal sealed class NonReaderSuite : IBenchSuite
{
    private static readonly byte[] Lines = Encoding.ASCII.GetBytes(
        string.Concat(Enumerable.Repeat(new string('x', 99) + "\n", 640)));

    public string Name => "nonreader";

    public string Description => "memory the server holds for clients that never read: nonreader [--clients 1,10,100]";

    public async Task RunAsync(string[] args)
    {
        var counts = args.Length == 2 && args[0] == "--clients"
            ? args[1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray()
            : [1, 10, 100];
        foreach (var endpoint in new[] { "echo-tcp", "session-tcp" })
        {
            foreach (var clients in counts)
            {
                await RunCaseAsync(endpoint, clients);
            }
        }
    }

    private static async Task RunCaseAsync(string endpoint, int clients)
    {
        using var system = ActorSystem.Create("nonreader", "akka.loglevel = WARNING");
        var settings = ServerSettings.Default.WithEphemeralPorts();
        await using var server = await EchoServer.StartAsync(system, settings);
        var address = server.FindEndpoint(endpoint)!.LocalEndPoint;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;

        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                // A small client send buffer keeps the kernel's share small; the server's is what counts.
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { SendBufferSize = 64 * 1024 };
                await socket.ConnectAsync(address);
                sockets.Add(socket);
            }

            var clock = Stopwatch.StartNew();
            var sent = await Task.WhenAll(sockets.Select(FloodUntilStalledAsync));
            var stats = await server.GetStatsAsync();
            var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
            var rssAfter = Process.GetCurrentProcess().WorkingSet64;
            var bound = settings.Session.MaxInFlightBytes + settings.Session.EchoHighWatermark + (2 * 4096);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{endpoint} x{clients}: sent {sent.Sum() / 1048576.0:0.0} MiB in {clock.Elapsed.TotalSeconds:0.0}s before every client stalled; server holds {stats.BufferedBytes / 1048576.0:0.00} MiB in outbound queues ({stats.BufferedBytes / clients / 1024.0:0} KiB per client, peak per connection {stats.PeakConnectionBufferedBytes / 1024.0:0} KiB, bound {bound / 1024.0:0} KiB); managed heap +{(heapAfter - heapBefore) / 1048576.0:0.0} MiB, RSS +{(rssAfter - rssBefore) / 1048576.0:0.0} MiB"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"RESULT case=held-{endpoint}-x{clients} ours={stats.BufferedBytes / 1048576.0:0.00} unit=MiB"));
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Close(0);
            }
        }
    }

    /// <summary>Sends 100-byte lines until a send makes no progress for half a second (or 30 s or 1 GiB pass).</summary>
    private static async Task<long> FloodUntilStalledAsync(Socket socket)
    {
        long sent = 0;
        var clock = Stopwatch.StartNew();
        while (sent < (1L << 30) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var stall = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            try
            {
                sent += await socket.SendAsync(Lines, SocketFlags.None, stall.Token);
            }
            catch (OperationCanceledException)
            {
                return sent;
            }
        }

        return sent;
    }
}
