using System.Diagnostics;
using System.Net.Sockets;
using ActorEcho.Load.Runner;

namespace ActorEcho.Load.Clients;

/// <summary>
/// A TCP client keeping up to <c>--outstanding</c> requests in flight: a send loop that waits for
/// a free slot in the window, and a receive loop that verifies replies in order, records their
/// latency and frees slots. Buffers are allocated once per client, not per message.
/// </summary>
internal sealed class TcpRequestReplyClient : LoadClient
{
    private readonly IReplyProtocol _protocol;
    private readonly TimeSpan _interval;
    private readonly long[] _sentAt;
    private readonly SemaphoreSlim _window;
    private readonly CancellationTokenSource _receiveStop = new();
    private long _sent;
    private long _completed;
    private int _sendingDone;

    public TcpRequestReplyClient(int id, RunContext context, IReplyProtocol protocol, TimeSpan interval)
        : base(id, context)
    {
        _protocol = protocol;
        _interval = interval;
        var outstanding = context.Options.Outstanding;
        _sentAt = new long[outstanding];
        _window = new SemaphoreSlim(outstanding);
    }

    public long Sent => Volatile.Read(ref _sent);

    public override long PendingSince
    {
        get
        {
            // Races only ever show a newer timestamp (a slot reused by a later request), never a false timeout.
            var completed = Volatile.Read(ref _completed);
            return Volatile.Read(ref _sent) > completed ? Volatile.Read(ref _sentAt[completed % _sentAt.Length]) : 0;
        }
    }

    public override async Task RunAsync()
    {
        var socket = await ConnectTcpAsync();
        if (socket is null)
        {
            return;
        }

        using var sendStop = CancellationTokenSource.CreateLinkedTokenSource(Context.StopSending, AbortToken);
        var receive = ReceiveLoopAsync(socket);
        var send = SendLoopAsync(socket, sendStop.Token);
        await Task.WhenAll(receive, send);
        Close();
        _receiveStop.Dispose();
        _window.Dispose();
    }

    private async Task SendLoopAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[_protocol.MaxRequestLength];
        var pacer = new Pacer(_interval, TimeSpan.FromTicks(_interval.Ticks * (Id % 16) / 16));
        try
        {
            while (!IsAborted)
            {
                await _window.WaitAsync(stop);
                await pacer.WaitAsync(stop);
                if (stop.IsCancellationRequested || !Context.Budget.TryTake())
                {
                    break;
                }

                var seq = _sent;
                var length = _protocol.WriteRequest(seq, buffer);
                Volatile.Write(ref _sentAt[seq % _sentAt.Length], Stopwatch.GetTimestamp());
                Interlocked.Increment(ref _sent);
                var pending = buffer.AsMemory(0, length);
                while (!pending.IsEmpty)
                {
                    var written = await socket.SendAsync(pending, SocketFlags.None, AbortToken);
                    pending = pending[written..];
                }
            }
        }
        catch (OperationCanceledException)
        {
            // End of the duration, or aborted: either way no more requests.
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            OnSocketFailure();
        }
        finally
        {
            Interlocked.Exchange(ref _sendingDone, 1);
            if (Interlocked.Read(ref _completed) == Interlocked.Read(ref _sent))
            {
                StopReceiving();
            }
        }
    }

    private async Task ReceiveLoopAsync(Socket socket)
    {
        var buffer = new byte[Math.Clamp(_protocol.MaxRequestLength * _sentAt.Length, 4096, 64 * 1024)];
        var token = _receiveStop.Token;
        try
        {
            while (!IsAborted)
            {
                int received;
                try
                {
                    received = await socket.ReceiveAsync(buffer, SocketFlags.None, token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                if (received == 0)
                {
                    if (!AllAnswered())
                    {
                        OnSocketFailure();
                    }

                    break;
                }

                var now = Stopwatch.GetTimestamp();
                var error = _protocol.Consume(buffer.AsSpan(0, received), Volatile.Read(ref _sent), out var replies);
                if (replies > 0)
                {
                    var first = _completed;
                    for (var i = 0; i < replies; i++)
                    {
                        var sentAt = _sentAt[(first + i) % _sentAt.Length];
                        Stats.Latency.Record((long)Stopwatch.GetElapsedTime(sentAt, now).TotalMicroseconds);
                    }

                    Stats.AddTraffic(replies, received);
                    Interlocked.Add(ref _completed, replies);
                    _window.Release(replies);
                }

                if (error is { } kind)
                {
                    Abort(kind);
                    break;
                }

                if (AllAnswered())
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            OnSocketFailure();
        }
    }

    private bool AllAnswered() =>
        Volatile.Read(ref _sendingDone) == 1 && Interlocked.Read(ref _completed) == Interlocked.Read(ref _sent);

    private void StopReceiving()
    {
        try
        {
            _receiveStop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
