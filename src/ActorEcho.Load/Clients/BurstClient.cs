using System.Diagnostics;
using System.Net.Sockets;
using ActorEcho.Load.Metrics;
using ActorEcho.Load.Runner;

namespace ActorEcho.Load.Clients;

/// <summary>
/// Connects and proves the server serves the connection with a one-byte echo (a kernel accept
/// queue completes handshakes before the server ever looks). The connection stays open until
/// the runner closes every burst client at once.
/// </summary>
internal sealed class BurstClient : LoadClient
{
    private static readonly byte[] Probe = "."u8.ToArray();
    private long _pendingSince;

    public BurstClient(int id, RunContext context)
        : base(id, context)
    {
    }

    public override long PendingSince => Volatile.Read(ref _pendingSince);

    public override async Task RunAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var socket = await ConnectTcpAsync();
        if (socket is null)
        {
            return;
        }

        try
        {
            Volatile.Write(ref _pendingSince, Stopwatch.GetTimestamp());
            await socket.SendAsync(Probe, SocketFlags.None, AbortToken);
            var buffer = new byte[8];
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, AbortToken);
            Volatile.Write(ref _pendingSince, 0);
            if (received == 0)
            {
                Abort(ErrorKind.Disconnected);
                return;
            }

            if (received != 1 || buffer[0] != Probe[0])
            {
                Abort(ErrorKind.Mismatch);
                return;
            }

            Stats.Latency.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            Stats.AddTraffic(1, 1);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            OnSocketFailure();
        }
    }
}
