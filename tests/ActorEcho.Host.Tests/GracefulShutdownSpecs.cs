using System.Net.Sockets;
using System.Text;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

/// <summary>
/// Shutdown under load. Each client streams fixed-size 64-byte lines (never starting with '/')
/// to the session endpoint while reading everything echoed back. Once every client has had at
/// least <see cref="WarmupBytes"/> echoed, the host is stopped (the same coordinated shutdown
/// SIGTERM runs) while the clients are still sending.
///
/// The property, per client, with S the bytes it sent and R the bytes it received until the
/// server closed the connection cleanly (FIN, no reset):
///   R = P + "NOTICE server shutting down\n", where P is a prefix of S (P may additionally end in
///   one "\n" that the server adds to finish an echo line it had started), and P holds at least
///   the warm-up bytes.
/// The server echoes in order, so a gap-free prefix followed by the notice means every echo the
/// server accepted for writing before it stopped reading reached the client; a lost write would
/// show up as a missing or garbled stretch, a missing notice, or a reset.
/// A client stays at most <see cref="Window"/> bytes ahead of its echo and stops sending once it
/// has read the notice (as a polite streaming client would); bytes it sent after the server
/// stopped reading are never echoed, which the prefix property allows.
/// A "Connection reset by peer" failure means the server closed a socket that still held unread
/// client bytes: the OS then resets the connection and discards what the server had written but
/// not yet transmitted (the notice, the last echoes). A server that drains or half-closes
/// (FIN, then read until the peer's FIN, bounded by a timeout) before closing does not lose them.
/// </summary>
public sealed class GracefulShutdownSpecs(ITestOutputHelper output) : HostSpec(output)
{
    private const int Clients = 20;
    private const int LineLength = 64;
    private const int WarmupBytes = 32 * 1024;
    private const long MaxBytesPerClient = 16L * 1024 * 1024;
    private const long Window = 256 * 1024;
    private static readonly byte[] Notice = "NOTICE server shutting down\n"u8.ToArray();

    // What the host logs while it stops, in the order it must log it.
    private static readonly string[] ShutdownLines =
    [
        "Shutdown: stopping 7 endpoints",
        "phase service-unbind starting",
        "phase service-requests-done starting",
        "phase service-stop starting",
        "phase actor-system-terminate starting",
        "ActorEcho stopped",
    ];

    [Fact]
    public async Task StopUnderLoad_Should_DeliverEveryAcceptedEchoThenTheNotice()
    {
        var host = await StartHostAsync();
        await using var _ = host;
        var endPoint = TcpEndPoint(host, "session-tcp");
        using var cts = Deadline(60);
        var warmedUp = Enumerable.Range(0, Clients).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var shutdownStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<(byte[] Received, long Sent)> RunClient(int id)
        {
            await using var client = await TcpTestClient.ConnectAsync(endPoint, cts.Token);
            using var stopWriting = new CancellationTokenSource();
            using var progress = new SemaphoreSlim(0);
            long sent = 0;
            long receivedTotal = 0;
            var writer = Task.Run(async () =>
            {
                var chunk = new byte[LineLength * 64];
                try
                {
                    while (!stopWriting.IsCancellationRequested && sent < MaxBytesPerClient)
                    {
                        // Stay at most a window ahead of the echo, like a streaming client that
                        // reads its replies; the server then always has echo in flight to flush.
                        while (sent - Volatile.Read(ref receivedTotal) > Window)
                        {
                            await progress.WaitAsync(stopWriting.Token);
                        }

                        for (var i = 0; i < chunk.Length; i += LineLength)
                        {
                            WriteLine(id, (sent + i) / LineLength, chunk.AsSpan(i, LineLength));
                        }

                        await client.SendAsync(chunk, cts.Token);
                        sent += chunk.Length;
                    }
                }
                catch (SocketException) when (shutdownStarted.Task.IsCompleted)
                {
                    // The server closed while a chunk was on its way: expected once shutdown began.
                }
                catch (OperationCanceledException) when (stopWriting.IsCancellationRequested)
                {
                    // The notice (or the end of the stream) arrived while waiting for echo.
                }

                try
                {
                    client.Socket.Shutdown(SocketShutdown.Send);
                }
                catch (SocketException) when (shutdownStarted.Task.IsCompleted)
                {
                }
            });

            using var received = new MemoryStream();
            try
            {
                await client.ReadToEndAsync(received, cts.Token, total =>
                {
                    Volatile.Write(ref receivedTotal, total);
                    progress.Release();
                    if (total >= WarmupBytes && warmedUp[id].TrySetResult())
                    {
                        Output.WriteLine($"client {id}: warm at {DateTime.UtcNow:HH:mm:ss.fff}, sent {sent}");
                    }

                    if (EndsWith(received, Notice))
                    {
                        stopWriting.Cancel();
                    }
                });
            }
            catch (SocketException e)
            {
                Output.WriteLine($"client {id}: {e.SocketErrorCode} after {received.Length} bytes, notice received: {EndsWith(received, Notice)}, sent {sent}");
                throw;
            }

            await stopWriting.CancelAsync();
            await writer.WaitAsync(cts.Token);
            return (received.ToArray(), sent);
        }

        var clients = Enumerable.Range(0, Clients).Select(RunClient).ToArray();
        await Task.WhenAll(warmedUp.Select(w => w.Task)).WaitAsync(cts.Token);

        shutdownStarted.SetResult();
        // At most the sum of the phase timeouts (5 + 5 + 5 + 5 + 5 + 10 s): no phase may wait longer than its own.
        await WithinAsync(TimeSpan.FromSeconds(35), () => host.StopAsync());
        var results = await Task.WhenAll(clients).WaitAsync(cts.Token);

        for (var id = 0; id < Clients; id++)
        {
            var (received, sent) = results[id];
            Output.WriteLine($"client {id}: sent {sent} bytes, received {received.Length}");
            Assert.True(received.AsSpan().EndsWith(Notice), $"client {id}: the stream does not end with the shutdown notice; tail '{Tail(received)}'");
            var echoed = received.AsSpan(0, received.Length - Notice.Length);
            Assert.True(echoed.Length >= WarmupBytes, $"client {id}: only {echoed.Length} echoed bytes before the notice");
            var prefix = IsPrefix(id, echoed, sent) || (echoed[^1] == (byte)'\n' && IsPrefix(id, echoed[..^1], sent));
            Assert.True(prefix, $"client {id}: the echoed bytes are not a prefix of what it sent (first difference at {FirstDifference(id, echoed)}); tail '{Tail(received)}'");
        }

        // The host announced the shutdown and each phase the server works in, in Akka's order.
        var lines = HostLines.Lines.ToList();
        var order = ShutdownLines.Select(part => lines.FindIndex(l => l.Contains(part, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    // The client's stream: line k is "c<id> <k>" padded with '.' to 63 bytes, then '\n'.
    private static void WriteLine(int id, long k, Span<byte> line)
    {
        line.Fill((byte)'.');
        Encoding.ASCII.GetBytes($"c{id:D3} {k:D10} ", line);
        line[^1] = (byte)'\n';
    }

    private static bool IsPrefix(int id, ReadOnlySpan<byte> echoed, long sent) =>
        echoed.Length <= sent && FirstDifference(id, echoed) < 0;

    private static long FirstDifference(int id, ReadOnlySpan<byte> echoed)
    {
        Span<byte> line = stackalloc byte[LineLength];
        for (long k = 0; k * LineLength < echoed.Length; k++)
        {
            WriteLine(id, k, line);
            var start = (int)(k * LineLength);
            var part = echoed.Slice(start, Math.Min(LineLength, echoed.Length - start));
            var common = part.CommonPrefixLength(line);
            if (common < part.Length)
            {
                return start + common;
            }
        }

        return -1;
    }

    private static bool EndsWith(MemoryStream stream, byte[] suffix) =>
        stream.Length >= suffix.Length && stream.GetBuffer().AsSpan(0, (int)stream.Length).EndsWith(suffix);

    private static string Tail(byte[] received) =>
        Encoding.UTF8.GetString(received.AsSpan(Math.Max(0, received.Length - 160))).Replace("\n", "\\n", StringComparison.Ordinal);
}
