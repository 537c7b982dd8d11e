using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Sockets;

/// <summary>
/// A client that sends as fast as it can and never reads its echoes must not make the server hold
/// more than its outbound bound, every time: the handler reads in pull mode and stops asking for
/// chunks once its own output passes the watermark. Measured through the server's own counters
/// (<c>ServerStats.PeakConnectionBufferedBytes</c>), not RSS.
/// </summary>
public sealed class NonReaderBoundTests : Akka.TestKit.Xunit2.TestKit
{
    private const int Window = 64 * 1024;
    private const int Watermark = 128 * 1024;

    // Akka.IO's maximum-frame-size (4 KiB by default): one chunk may cross the watermark, and the
    // window may open one send batch early (see OutboundQueue).
    private const int Frame = 4 * 1024;
    private const long Bound = Window + Watermark + (2 * Frame);

    // A non-reader stalls long before this on the echoing ports; reaching it means the server never
    // pushed back. The one-shot ports discard at full speed until close-timeout: time bounds them.
    private const long FloodCap = 256L * 1024 * 1024;
    private const int Rounds = 20;

    private static readonly byte[] Lines = Encoding.ASCII.GetBytes(
        string.Concat(Enumerable.Repeat(new string('x', 99) + "\n", 640)));

    public NonReaderBoundTests(ITestOutputHelper output)
        : base(output: output)
    {
    }

    // A second client is answered this fast while a non-reader is held back: the server is idle then.
    private static readonly TimeSpan NormalLatency = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("echo-tcp")]
    [InlineData("session-tcp")]
    [InlineData("time-tcp")]
    [InlineData("daytime-tcp")]
    public async Task NonReader_Should_BeHeldBelowTheOutboundBound_EveryTime_WhileAnotherClientIsServed(string endpoint)
    {
        // The one-shot ports (time, daytime) read and discard until the client closes, and reset a
        // client that neither closes nor reads after close-timeout: kept short so each round ends soon.
        var settings = ServerSettings.Default.WithEphemeralPorts() with
        {
            Session = new SessionSettings { MaxInFlightBytes = Window, EchoHighWatermark = Watermark, CloseTimeout = TimeSpan.FromMilliseconds(300) },
        };
        await using var server = await EchoServer.StartAsync(Sys, settings);
        var address = server.FindEndpoint(endpoint)!.LocalEndPoint;
        var oneShot = endpoint is "time-tcp" or "daytime-tcp";
        var probe = server.FindEndpoint(oneShot ? "echo-tcp" : endpoint)!.LocalEndPoint;

        for (var round = 1; round <= Rounds; round++)
        {
            using var flooder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await flooder.ConnectAsync(address);
            var (sent, closedByServer) = await FloodUntilStalledAsync(flooder, oneShot ? long.MaxValue : FloodCap, stopOnStall: !oneShot);
            if (oneShot)
            {
                // Nothing is buffered there (input is read and discarded); the bound is the close.
                Assert.True(closedByServer, $"round {round}: {endpoint} kept a client that never reads or closes open ({sent} bytes read)");
            }
            else
            {
                Assert.True(sent < FloodCap && !closedByServer, $"round {round}: the server kept reading {sent} bytes from a client that never reads (closed: {closedByServer})");
            }

            var stats = await server.GetStatsAsync();
            Assert.True(
                stats.PeakConnectionBufferedBytes <= Bound,
                $"round {round}: one connection made the server hold {stats.PeakConnectionBufferedBytes} bytes (bound {Bound})");

            // Meanwhile another client is answered as usual (on the same port, where it echoes).
            var latency = await EchoRoundTripAsync(probe, $"round {round}");
            Assert.True(latency < NormalLatency, $"round {round}: a second client waited {latency.TotalMilliseconds:0} ms for its echo");

            flooder.Close(0);
            await AwaitAssertAsync(
                async () => Assert.Equal(0, (await server.GetStatsAsync()).BufferedBytes),
                TimeSpan.FromSeconds(10));
        }

        Output.WriteLine($"{endpoint}: peak held by one non-reading connection over {Rounds} rounds: {(await server.GetStatsAsync()).PeakConnectionBufferedBytes} bytes (bound {Bound})");
    }

    /// <summary>
    /// Sends 100-byte lines until a send makes no progress for a while (with
    /// <paramref name="stopOnStall"/>), or the server closes the connection (a one-shot port after
    /// close-timeout); returns the bytes sent and whether the server closed it. Bounded by
    /// <paramref name="cap"/> bytes and 30 s.
    /// </summary>
    private static async Task<(long Sent, bool ClosedByServer)> FloodUntilStalledAsync(Socket socket, long cap, bool stopOnStall)
    {
        long sent = 0;
        var clock = Stopwatch.StartNew();
        while (sent < cap && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var stall = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            try
            {
                sent += await socket.SendAsync(Lines, SocketFlags.None, stall.Token);
            }
            catch (OperationCanceledException) when (stopOnStall)
            {
                return (sent, false);
            }
            catch (OperationCanceledException)
            {
                // A one-shot port discards what it reads; a pause there is only the machine being
                // busy. Go on until it closes the connection (or the time runs out).
            }
            catch (SocketException)
            {
                return (sent, true);
            }
        }

        return (sent, false);
    }

    private static async Task<TimeSpan> EchoRoundTripAsync(IPEndPoint address, string context)
    {
        var clock = Stopwatch.StartNew();
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(address);
        var stream = client.GetStream();
        await stream.WriteAsync("ping\n"u8.ToArray());
        var buffer = new byte[5];
        var read = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
            Assert.True(n > 0, $"{context}: the second client's connection closed");
            read += n;
        }

        Assert.Equal("ping\n", Encoding.ASCII.GetString(buffer));
        return clock.Elapsed;
    }
}
