using System.Buffers;
using System.Diagnostics;

namespace ActorEcho.Host.Demos;

/// <summary>
/// Reads everything a client receives into memory on a background task, so the client's sender can
/// run at its own pace; the waits re-check their condition each time data arrives, bounded by a timeout.
/// </summary>
internal sealed class StreamRecorder
{
    private readonly DemoClient _client;
    private readonly ArrayBufferWriter<byte> _received = new();
    private readonly List<(long End, long Timestamp)> _arrivals = [];
    private bool _ended;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamRecorder(DemoClient client, CancellationToken cancellationToken)
    {
        _client = client;
        _ = Task.Run(() => ReadAsync(cancellationToken), cancellationToken);
    }

    public long Length
    {
        get
        {
            lock (_received)
            {
                return _received.WrittenCount;
            }
        }
    }

    /// <summary>True once the server closed the stream (or the demo ended).</summary>
    public bool Ended => Volatile.Read(ref _ended);

    public byte[] ToArray()
    {
        lock (_received)
        {
            return _received.WrittenSpan.ToArray();
        }
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp at which byte <paramref name="offset"/> arrived.</summary>
    public long ArrivalOf(long offset)
    {
        lock (_received)
        {
            foreach (var (end, timestamp) in _arrivals)
            {
                if (offset < end)
                {
                    return timestamp;
                }
            }

            return long.MaxValue;
        }
    }

    /// <summary>Waits until at least <paramref name="length"/> bytes arrived; false when the time ran out or the stream ended first.</summary>
    public Task<bool> WaitForLengthAsync(long length, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitUntilAsync(() => Length >= length, timeout, cancellationToken);

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking as data arrives; false when the time ran out or the stream ended first.</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            // Take the signal before checking, so an arrival between the check and the wait is not missed.
            var arrived = Volatile.Read(ref _arrived).Task;
            if (condition())
            {
                return true;
            }

            if (Ended)
            {
                return condition();
            }

            try
            {
                await arrived.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return condition();
            }
        }
    }

    private void Signal() =>
        Interlocked.Exchange(ref _arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var n = await _client.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    return;
                }

                lock (_received)
                {
                    _received.Write(buffer.AsSpan(0, n));
                    _arrivals.Add((_received.WrittenCount, Stopwatch.GetTimestamp()));
                }

                Signal();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The demo is over or the socket is gone: what arrived is what counts.
        }
        finally
        {
            Volatile.Write(ref _ended, true);
            Signal();
        }
    }
}
