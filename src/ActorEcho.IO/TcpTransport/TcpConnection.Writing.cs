using System.Net.Sockets;
using ActorEcho.Actors;
using ActorEcho.IO.Logging;

namespace ActorEcho.IO.TcpTransport;

/// <summary>
/// The write side. Accepted writes wait in <see cref="_queue"/>; when no send is in flight, every
/// queued write (up to a batch limit) goes out in one gathered send. When the send completes the
/// writes it carried are acked in order. An ack therefore means "handed to the OS send buffer".
/// </summary>
internal sealed partial class TcpConnection
{
    // A gathered send takes at most this many buffers (well under IOV_MAX) and stops adding writes
    // past this many bytes, so acks of early writes are not held back by a huge batch.
    private const int MaxSegmentsPerSend = 64;
    private const long MaxBytesPerSend = 1024 * 1024;

    // Shared by every connection that has not written yet, and only ever read: an idle connection
    // then carries no queue of its own. The first accepted write swaps in a real one (kept after that).
    private static readonly Queue<PendingWrite> NoWrites = new();
    private Queue<PendingWrite> _queue = NoWrites;
    // Only gathered sends (several writes, or one of several segments) need a list; a lone write of one
    // segment, the usual case, goes out without it, so idle and echo-style connections never create it.
    // A list grown past this many slots is dropped when the queue drains rather than kept for good.
    private const int KeptSendSegmentsCapacity = 16;
    private List<ArraySegment<byte>>? _sendSegments;
    private long _pendingBytes;

    // Writes taken off the queue (handed to the OS) since the connection started; queue position i
    // is write number _writesDone + i + 1.
    private long _writesDone;
    private bool _sending;
    private int _inFlightWrites;
    private long _inFlightBytes;
    private bool _writingSuspended;
    private IActorRef? _resumeWritingRequester;

    private void HandleWrite(Tcp.WriteCommand command)
    {
        if (_closeMode != CloseMode.None)
        {
            Sender.Tell(new Tcp.CommandFailed(command, new InvalidOperationException("the connection is closing; the write was not sent")), Self);
            return;
        }

        var bytes = command.ByteCount;
        if (_writingSuspended || (_pendingBytes > 0 && _pendingBytes + bytes > _tcp.Settings.MaxPendingWriteBytes))
        {
            // A NACK. Every later write is refused as well until ResumeWriting, so a writer that resends
            // from its first refused write keeps its order.
            _writingSuspended = true;
            IOLog.WriteRefused(_tcp.Logger, _id, _remote, bytes, _pendingBytes, _tcp.Settings.MaxPendingWriteBytes);
            Sender.Tell(new Tcp.CommandFailed(command, new InvalidOperationException(
                $"write of {bytes} bytes refused: {_pendingBytes} bytes pending (max-pending-write-bytes {_tcp.Settings.MaxPendingWriteBytes}); send Tcp.ResumeWriting and resend after Tcp.WritingResumed")), Self);
            return;
        }

        if (ReferenceEquals(_queue, NoWrites))
        {
            _queue = new Queue<PendingWrite>();
        }

        switch (command)
        {
            case Tcp.Write write:
                _queue.Enqueue(new PendingWrite(write, Sender));
                break;
            case Tcp.CompoundWrite compound:
                foreach (var write in compound.Writes)
                {
                    _queue.Enqueue(new PendingWrite(write, Sender));
                }

                break;
            default:
                throw new NotSupportedException($"unknown write command {command.GetType().Name}");
        }

        _pendingBytes += bytes;
        TrySend();
    }

    private void HandleResumeWriting()
    {
        if (_queue.Count == 0 && !_sending)
        {
            _writingSuspended = false;
            Sender.Tell(Tcp.WritingResumed.Instance, Self);
            return;
        }

        _resumeWritingRequester = Sender;
    }

    private void OnWriteCompleted()
    {
        AckInFlight();
        TrySend();
    }

    /// <summary>The send in flight is done: drop its writes from the queue and ack them in order.</summary>
    private void AckInFlight()
    {
        _sending = false;
        for (var i = 0; i < _inFlightWrites; i++)
        {
            var done = _queue.Dequeue();
            _writesDone++;
            if (done.Write.WantsAck)
            {
                done.AckTo.Tell(done.Write.Ack, Self);
            }
        }

        _pendingBytes -= _inFlightBytes;
        _inFlightWrites = 0;
        _inFlightBytes = 0;
        ReleaseReturnedAfterSend();
    }

    private void TrySend()
    {
        // Most sends complete at once (the OS buffer has room); those are acked right here, without a
        // round trip through the mailbox, and the loop goes on with whatever queued meanwhile.
        while (!_sending && _socket is { } socket)
        {
            // Empty writes at the head need no system call: everything before them is already with the OS.
            while (_queue.TryPeek(out var head) && head.Write.Data.IsEmpty)
            {
                _queue.Dequeue();
                _writesDone++;
                if (head.Write.WantsAck)
                {
                    head.AckTo.Tell(head.Write.Ack, Self);
                }
            }

            if (_queue.Count == 0)
            {
                OnQueueDrained();
                return;
            }

            var writes = 0;
            long bytes = 0;
            var first = _queue.Peek().Write.Data;
            ArraySegment<byte> single = default;
            if (_queue.Count == 1 && first.Segments.Count == 1)
            {
                single = first.Segments[0];
                writes = 1;
                bytes = single.Count;
            }
            else
            {
                var gathered = _sendSegments ??= new List<ArraySegment<byte>>();
                gathered.Clear();
                foreach (var pending in _queue)
                {
                    var segments = pending.Write.Data.Segments;
                    if (writes > 0 && (gathered.Count + segments.Count > MaxSegmentsPerSend || bytes >= MaxBytesPerSend))
                    {
                        break;
                    }

                    gathered.AddRange(segments);
                    bytes += pending.Write.Data.Count;
                    writes++;
                }

                if (gathered.Count == 1)
                {
                    single = gathered[0];
                }
            }

            _inFlightWrites = writes;
            _inFlightBytes = bytes;
            _sending = true;
            var completed = single.Array is not null
                ? SendCompletedAtOnce(socket, single)
                : GatheredSendCompletedAtOnce(socket, _sendSegments!, bytes);
            if (!completed)
            {
                return;
            }

            AckInFlight();
        }
    }

    /// <summary>
    /// Starts sending one segment; true when the OS took every byte synchronously, otherwise a task
    /// finishes the send and reports <see cref="WriteCompleted"/> or <see cref="WriteFailed"/>.
    /// </summary>
    private bool SendCompletedAtOnce(Socket socket, ArraySegment<byte> segment)
    {
        try
        {
            var pending = socket.SendAsync(segment.AsMemory(), SocketFlags.None);
            if (!pending.IsCompletedSuccessfully)
            {
                _ = FinishSendAsync(socket, pending.AsTask(), segment, Self);
                return false;
            }

            var sent = pending.Result;
            if (sent == segment.Count)
            {
                return true;
            }

            _ = FinishSendAsync(socket, Task.FromResult(sent), segment, Self);
            return false;
        }
        catch (SocketException ex)
        {
            // Some failures surface synchronously; they are reported like asynchronous ones.
            ReportWriteFailure(Self, ex);
            return false;
        }
    }

    /// <summary>Like <see cref="SendCompletedAtOnce"/>, for several segments in one gathered send.</summary>
    private bool GatheredSendCompletedAtOnce(Socket socket, List<ArraySegment<byte>> segments, long bytes)
    {
        try
        {
            var gathered = socket.SendAsync(segments, SocketFlags.None);
            if (gathered.IsCompletedSuccessfully && gathered.Result == bytes)
            {
                return true;
            }

            _ = FinishGatheredAsync(socket, gathered, segments, bytes, Self);
            return false;
        }
        catch (SocketException ex)
        {
            ReportWriteFailure(Self, ex);
            return false;
        }
    }

    private void OnQueueDrained()
    {
        ReleaseReturnedAfterSend();

        // No send is in flight, so nothing else refers to the list any more.
        if (_sendSegments is { Capacity: > KeptSendSegmentsCapacity })
        {
            _sendSegments = null;
        }

        if (_resumeWritingRequester is { } requester)
        {
            _resumeWritingRequester = null;
            _writingSuspended = false;
            requester.Tell(Tcp.WritingResumed.Instance, Self);
        }

        if (_closeMode != CloseMode.None)
        {
            TryFinishClose();
        }
    }

    private async Task FinishSendAsync(Socket socket, Task<int> pending, ArraySegment<byte> segment, IActorRef self)
    {
        try
        {
            var remaining = segment.AsMemory()[await pending..];
            while (!remaining.IsEmpty)
            {
                remaining = remaining[await socket.SendAsync(remaining, SocketFlags.None)..];
            }

            self.Tell(WriteCompleted.Instance, self);
        }
        catch (SocketException ex)
        {
            ReportWriteFailure(self, ex);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task FinishGatheredAsync(Socket socket, Task<int> pending, List<ArraySegment<byte>> segments, long total, IActorRef self)
    {
        try
        {
            long sent = await pending;
            if (sent < total)
            {
                // The runtime sends the whole list for stream sockets; this only guards that promise.
                foreach (var rest in Remainder(segments, sent))
                {
                    var remaining = rest.AsMemory();
                    while (!remaining.IsEmpty)
                    {
                        remaining = remaining[await socket.SendAsync(remaining, SocketFlags.None)..];
                    }
                }
            }

            self.Tell(WriteCompleted.Instance, self);
        }
        catch (SocketException ex)
        {
            ReportWriteFailure(self, ex);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static List<ArraySegment<byte>> Remainder(List<ArraySegment<byte>> segments, long skip)
    {
        var rest = new List<ArraySegment<byte>>();
        foreach (var segment in segments)
        {
            if (skip >= segment.Count)
            {
                skip -= segment.Count;
                continue;
            }

            rest.Add(segment.Slice((int)skip));
            skip = 0;
        }

        return rest;
    }

    private void ReportWriteFailure(IActorRef self, SocketException ex)
    {
        if (!_stopping.IsCancellationRequested)
        {
            self.Tell(new WriteFailed(ex.SocketErrorCode, ex.Message), self);
        }
    }
}
