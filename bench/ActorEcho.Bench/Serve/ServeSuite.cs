using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using ActorEcho.Bench.Baselines;
using Akka.Actor;

namespace ActorEcho.Bench.Serve;

/// <summary>
/// <c>serve plain|kestrel|akka-io [--port N] [--host ADDR]</c>: runs one baseline echo server out of
/// process for bench/compare.sh, prints <c>LISTENING port=N</c> once it accepts connections, and
/// runs until SIGTERM or Ctrl+C.
/// </summary>
internal sealed class ServeSuite : IBenchSuite
{
    public string Name => "serve";

    public string Description => "run a baseline echo server until SIGTERM: serve plain|kestrel|akka-io [--port N] [--host 127.0.0.1]";

    public async Task RunAsync(string[] args)
    {
        if (!TryParse(args, out var kind, out var address, out var port, out var error))
        {
            Console.Error.WriteLine($"serve: {error}");
            Console.Error.WriteLine("usage: serve plain|kestrel|akka-io [--port N] [--host 127.0.0.1]");
            // Program returns 0 after a suite; a usage error must still fail the caller's script.
            Environment.Exit(2);
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => Stop(ctx, stop));
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => Stop(ctx, stop));

        if (kind == "akka-io")
        {
            await ServeAkkaIoAsync(new IPEndPoint(address, port), stop.Token);
        }
        else if (kind == "plain")
        {
            await using var server = new PlainSocketEchoServer(new IPEndPoint(address, port));
            var bound = server.Start(stop.Token);
            Listening(bound.Port);
            await WaitAsync(stop.Token);
            await server.StopAsync();
        }
        else
        {
            await using var server = new KestrelEchoServer();
            var bound = await server.StartAsync(address, port, stop.Token);
            Listening(bound);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, server.Stopping);
            await WaitAsync(both.Token);
            await server.StopAsync();
        }

        Console.WriteLine("STOPPED");
    }

    private static async Task ServeAkkaIoAsync(IPEndPoint endpoint, CancellationToken stop)
    {
        // No configuration passed: the baseline is Akka.NET exactly as it ships.
        var system = ActorSystem.Create("akka-io-echo");
        try
        {
            var bound = new TaskCompletionSource<EndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(Props.Create(() => new AkkaIoEchoListener(endpoint, bound)), "listener");
            // A bind answers in milliseconds; the bound keeps a lost answer from hanging the
            // caller, and matches the 30 s compare.sh gives a server to start listening.
            var local = await bound.Task.WaitAsync(TimeSpan.FromSeconds(30), stop);
            Listening(((IPEndPoint)local).Port);
            await WaitAsync(stop);
        }
        finally
        {
            // Terminating runs Akka's coordinated shutdown, whose phases have their own timeouts;
            // compare.sh still kills a server that takes longer than it allows.
            await system.Terminate();
        }
    }

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        // Shut down in order (close sockets, flush output) instead of dying mid-write.
        context.Cancel = true;
        stop.Cancel();
    }

    private static void Listening(int port)
    {
        Console.WriteLine($"LISTENING port={port.ToString(CultureInfo.InvariantCulture)}");
        Console.Out.Flush();
    }

    private static async Task WaitAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static bool TryParse(string[] args, out string kind, out IPAddress address, out int port, out string error)
    {
        kind = "";
        address = IPAddress.Loopback;
        port = 0;
        error = "";
        if (args.Length == 0 || args[0] is not ("plain" or "kestrel" or "akka-io"))
        {
            error = $"first argument must be 'plain', 'kestrel' or 'akka-io', got '{(args.Length == 0 ? "" : args[0])}'";
            return false;
        }

        kind = args[0];
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535:
                    port = p;
                    i++;
                    break;
                case "--host" when value is not null && IPAddress.TryParse(value, out var a):
                    address = a;
                    i++;
                    break;
                default:
                    error = $"'{args[i]}{(value is null ? "" : " " + value)}' is not understood; expected --port 0..65535 or --host IP-ADDRESS";
                    return false;
            }
        }

        return true;
    }
}
