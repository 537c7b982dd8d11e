using System.Diagnostics;
using System.Net.Sockets;
using ActorEcho.Load.Cli;
using ActorEcho.Load.Metrics;
using ActorEcho.Load.Runner;
using ActorEcho.Load.Verification;

namespace ActorEcho.Load.Clients;

/// <summary>
/// UDP client sending <c>time</c> queries (ctime reply) and/or echo datagrams, one at a time:
/// a lost datagram is a timeout and stops this client, as for TCP.
/// </summary>
internal sealed class UdpLoadClient : LoadClient
{
    private static readonly byte[] TimeQuery = "time"u8.ToArray();

    private readonly TimeSpan _interval;
    private readonly EchoPayload _payload;
    private long _pendingSince;

    public UdpLoadClient(int id, RunContext context, TimeSpan interval)
        : base(id, context)
    {
        _interval = interval;
        _payload = new EchoPayload(id, context.Options.Payload);
    }

    public override long PendingSince => Volatile.Read(ref _pendingSince);

    public override async Task RunAsync()
    {
        var socket = new Socket(Context.UdpEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // A connected UDP socket only accepts datagrams from the server and reports ICMP "port unreachable".
            socket.Connect(Context.UdpEndPoint);
        }
        catch (SocketException)
        {
            socket.Dispose();
            Abort(ErrorKind.ConnectFailed);
            return;
        }

        if (!Adopt(socket, connected: false))
        {
            return;
        }

        var request = new byte[_payload.Length];
        var reply = new byte[Math.Max(_payload.Length, 256) + 1];
        var pacer = new Pacer(_interval, TimeSpan.FromTicks(_interval.Ticks * (Id % 16) / 16));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Context.StopSending, AbortToken);
        try
        {
            for (long seq = 0; !IsAborted; seq++)
            {
                await pacer.WaitAsync(stop.Token);
                if (stop.IsCancellationRequested || !Context.Budget.TryTake())
                {
                    break;
                }

                var isTime = Context.Options.UdpMode switch
                {
                    UdpMode.Time => true,
                    UdpMode.Echo => false,
                    _ => seq % 2 == 0,
                };
                ReadOnlyMemory<byte> datagram = isTime ? TimeQuery : request;
                if (!isTime)
                {
                    _payload.Write(seq, request);
                }

                var sentAt = Stopwatch.GetTimestamp();
                Volatile.Write(ref _pendingSince, sentAt);
                await socket.SendAsync(datagram, SocketFlags.None, AbortToken);
                var received = await socket.ReceiveAsync(reply, SocketFlags.None, AbortToken);
                Volatile.Write(ref _pendingSince, 0);
                var now = Stopwatch.GetTimestamp();
                var answer = reply.AsSpan(0, received);
                var verdict = isTime ? CheckTime(answer) : (answer.SequenceEqual(request) ? null : ErrorKind.Mismatch);
                if (verdict is { } kind)
                {
                    Abort(kind);
                    break;
                }

                // For UDP, "connected" means the server has answered at least once.
                Stats.MarkConnected();
                Stats.Latency.Record((long)Stopwatch.GetElapsedTime(sentAt, now).TotalMicroseconds);
                Stats.AddTraffic(1, received);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            // ICMP port unreachable: nothing listens on the UDP port.
            if (!IsAborted)
            {
                Abort(ErrorKind.ConnectRefused);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            OnSocketFailure();
        }
        finally
        {
            Close();
        }
    }

    private static ErrorKind? CheckTime(ReadOnlySpan<byte> answer)
    {
        if (!TimeFormats.TryParseCtime(answer, out var serverLocal))
        {
            return ErrorKind.Parse;
        }

        return TimeFormats.WithinSkewAnyZone(serverLocal, DateTime.Now) ? null : ErrorKind.Mismatch;
    }
}
