using System.Globalization;
using System.Net;
using ActorEcho.Actors;
using ActorEcho.Bench.Baselines;
using ActorEcho.Config;
using ActorEcho.IO;

namespace ActorEcho.Bench.Io;

/// <summary>
/// Echo over loopback: an echo handler actor on ActorEcho.IO against the plain async-socket echo
/// server, one after the other under the same load, per case. Prints msgs/s and p99 round trip.
/// </summary>
internal sealed class IoSuite : IBenchSuite
{
    public string Name => "io";

    public string Description => "TCP echo on ActorEcho.IO vs a plain async-socket echo server (1/100/1000 conns, 1/16 outstanding, 32 B and 4 KiB)";

    public async Task RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var warmUp = TimeSpan.FromSeconds(quick ? 0.3 : 1);
        var measure = TimeSpan.FromSeconds(quick ? 1 : 3);
        var cases = new (string Name, int Connections, int Outstanding, int Size)[]
        {
            ("echo-1c-1o-32B", 1, 1, 32),
            ("echo-1c-16o-32B", 1, 16, 32),
            ("echo-100c-1o-32B", 100, 1, 32),
            ("echo-100c-16o-32B", 100, 16, 32),
            ("echo-1000c-1o-32B", 1000, 1, 32),
            ("echo-1000c-16o-32B", 1000, 16, 32),
            ("echo-100c-1o-4KiB", 100, 1, 4096),
        };

        using var system = ActorSystem.Create("io-bench", ConfigurationFactory.ParseString("actorecho.coordinated-shutdown.run-by-process-exit = off"));
        var handler = system.ActorOf(Props.Create<EchoHandler>(), "echo");
        var bound = await system.Tcp().Ask<Tcp.Bound>(new Tcp.Bind(handler, new IPEndPoint(IPAddress.Loopback, 0), 4096), TimeSpan.FromSeconds(10));
        var ours = (IPEndPoint)bound.LocalAddress;

        await using var baseline = new PlainSocketEchoServer(new IPEndPoint(IPAddress.Loopback, 0), 64 * 1024);
        var theirs = baseline.Start();

        var inv = CultureInfo.InvariantCulture;
        foreach (var (name, connections, outstanding, size) in cases)
        {
            var a = await EchoLoad.RunAsync(ours, connections, outstanding, size, warmUp, measure);
            var b = await EchoLoad.RunAsync(theirs, connections, outstanding, size, warmUp, measure);
            Console.WriteLine(string.Format(inv,
                "  {0}: p50 ours={1:0}us baseline={2:0}us, p99 ours={3:0}us baseline={4:0}us (p99 ratio {5:0.00}x)",
                name, a.P50Micros, b.P50Micros, a.P99Micros, b.P99Micros, a.P99Micros / b.P99Micros));
            BenchResult.Print(name + "-p99", a.P99Micros, b.P99Micros, "us", lowerIsBetter: true);
            BenchResult.Print(name, a.MessagesPerSecond, b.MessagesPerSecond, "msgs/s");
        }

        await baseline.StopAsync();
    }
}
