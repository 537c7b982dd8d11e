namespace ActorEcho.IO.TcpTransport;

/// <summary>
/// Receive buffer leases (<see cref="Tcp.Register.LeaseReceiveBuffers"/>). The read loop rents a
/// buffer, records it as lent and hands it to the handler inside <see cref="Tcp.Received"/>; the
/// handler gives it back with <see cref="Tcp.ReturnBuffer"/>. A buffer goes back to the pool only
/// when the handler has returned it and no write still queued here refers to it; a lease that is
/// never returned (handler bug, connection stopped) is left to the GC, so a buffer is never reused
/// while anything may still read it.
/// </summary>
internal sealed partial class TcpConnection
{
    // The smallest lease rented: reads of a few bytes then share one size class instead of many.
    private const int MinLeaseSize = 1024;

    // Lent arrays by identity; the read loop adds, the actor removes, under a lock on the set. The read
    // loop creates the set at the first leased read, so a connection that never receives anything (an
    // idle one) pays nothing even when its handler leases. It is kept once created: a handler that
    // returns each buffer before the next read would otherwise empty it, and rebuild it, every message.
    private HashSet<byte[]>? _lent;

    // Returned by the handler but still referenced by a queued write: back to the pool once write
    // number FreeAfter (the last one referring to it, see _writesDone) has been handed to the OS.
    private List<(byte[] Array, long FreeAfter)>? _returnAfterSend;

    // Set by the actor before it lets the read loop read for the handler.
    private volatile bool _leaseReceives;

    /// <summary>Actor, on Register: from now on reads for the handler are leased.</summary>
    private void StartLeasing() => _leaseReceives = true;

    // The size of a connection's first lease: room for a typical request in one read.
    private const int FirstLeaseSize = 4 * 1024;

    // Read loop only: the size of the next lease (see NextLeaseSize in TcpConnection.Reading.cs).
    private int _leaseSize = FirstLeaseSize;

    /// <summary>Read loop: a buffer for the next read of about <paramref name="size"/> bytes.</summary>
    private byte[] RentLease(int size, int chunkSize) =>
        _tcp.LeasePool.Rent(Math.Min(Math.Max(size, MinLeaseSize), chunkSize));

    /// <summary>Read loop: <paramref name="buffer"/> is about to go out in a message; from now on the handler owns it.</summary>
    private void RecordLease(byte[] buffer)
    {
        // Only the read loop creates the set; the volatile write publishes it whole to the actor.
        var lent = Volatile.Read(ref _lent);
        if (lent is null)
        {
            lent = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
            Volatile.Write(ref _lent, lent);
        }

        lock (lent)
        {
            lent.Add(buffer);
        }
    }

    /// <summary>Read loop: <paramref name="buffer"/> was rented but never shown to anyone.</summary>
    private void ReturnUnused(byte[] buffer) => _tcp.LeasePool.Return(buffer);

    private void HandleReturnBuffer(Tcp.ReturnBuffer command)
    {
        var segments = command.Data.Segments;
        var array = segments.Count == 1 ? segments[0].Array : null;
        var wasLent = false;
        if (array is not null && Volatile.Read(ref _lent) is { } lent)
        {
            lock (lent)
            {
                wasLent = lent.Remove(array);
            }
        }

        if (!wasLent)
        {
            Sender.Tell(new Tcp.CommandFailed(command, new InvalidOperationException(
                "the data is not a receive buffer this connection lent, or it was already returned")), Self);
            return;
        }

        var last = LastQueuedWriteReferring(array!);
        if (last >= 0)
        {
            (_returnAfterSend ??= []).Add((array!, _writesDone + last + 1));
            return;
        }

        _tcp.LeasePool.Return(array!);
    }

    /// <summary>The queue position of the last queued (or in-flight) write that refers to <paramref name="array"/>, or -1.</summary>
    private int LastQueuedWriteReferring(byte[] array)
    {
        var last = -1;
        var position = 0;
        foreach (var pending in _queue)
        {
            foreach (var segment in pending.Write.Data.Segments)
            {
                if (ReferenceEquals(segment.Array, array))
                {
                    last = position;
                    break;
                }
            }

            position++;
        }

        return last;
    }

    /// <summary>Writes were handed to the OS: returned buffers that only they referred to are free again.</summary>
    private void ReleaseReturnedAfterSend()
    {
        if (_returnAfterSend is not { Count: > 0 })
        {
            return;
        }

        _returnAfterSend.RemoveAll(waiting =>
        {
            if (_writesDone < waiting.FreeAfter)
            {
                return false;
            }

            _tcp.LeasePool.Return(waiting.Array);
            return true;
        });
    }

    /// <summary>
    /// PostStop: a send may still be in flight on the disposed socket, and lent buffers may still be
    /// read by the handler, so none of them goes back to the pool; the GC takes them.
    /// </summary>
    private void ForgetLeases()
    {
        _returnAfterSend?.Clear();
        if (Volatile.Read(ref _lent) is { } lent)
        {
            lock (lent)
            {
                lent.Clear();
            }
        }
    }
}
