using System.Buffers;
using System.Net.Sockets;
using System.Numerics;
using System.Runtime.CompilerServices;
using ActorEcho.Actors;
using ActorEcho.IO.Sockets;

namespace ActorEcho.IO.TcpTransport;

/// <summary>The read side: one loop task per connection, paced by <see cref="_readGate"/>.</summary>
internal sealed partial class TcpConnection
{
    private readonly CreditGate _readGate;
    private bool _readLoopStarted;
    private bool _readingSuspended;
    private bool _peerClosed;

    // Who gets Tcp.Received: the registered handler, or the close commander of a ConfirmedClose that
    // came before any Register. Written by the actor before it lets the loop read, read by the loop.
    private volatile IActorRef? _readTarget;

    private void StartReading(IActorRef target)
    {
        _readTarget = target;
        if (!_origin.PullMode && !_readingSuspended)
        {
            _readGate.Open();
        }

        if (!_readLoopStarted && !_peerClosed && _socket is { } socket)
        {
            _readLoopStarted = true;
            _ = ReadLoopAsync(socket, Self, _stopping.Token);
        }
    }

    private void SuspendReading()
    {
        if (!_origin.PullMode)
        {
            _readingSuspended = true;
            _readGate.Shut();
        }
    }

    private void ResumeReading()
    {
        if (_origin.PullMode)
        {
            _readGate.Grant(1);
            return;
        }

        _readingSuspended = false;
        if (_readTarget is not null)
        {
            _readGate.Open();
        }
    }

    private async Task ReadLoopAsync(Socket socket, IActorRef self, CancellationToken stopping)
    {
        var chunkSize = _tcp.Settings.ReceiveChunkSize;
        var waitForData = true;
        try
        {
            while (true)
            {
                await _readGate.WaitAsync(stopping);
                if (waitForData)
                {
                    // Wait for data before allocating a buffer: an idle connection then holds no
                    // receive buffer at all. A zero-byte read completes when data (or FIN) is there.
                    // Socket calls take no token: PostStop disposes the socket, which ends them.
                    await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, CancellationToken.None);
                }

                var target = _readTarget;
                var leased = target is not null && _leaseReceives;
                var outcome = leased
                    ? await ReadLeasedAsync(socket, target!, chunkSize, self)
                    : await ReadCopiedAsync(socket, target, chunkSize, self);
                if (outcome == ReadOutcome.Ended)
                {
                    self.Tell(ReadEnded.Instance, self);
                    return;
                }

                // A full buffer means more is probably waiting: read again without the zero-byte wait.
                // Leased reads wait anyway: a lease rented before the data is there would sit with an
                // idle connection, and the wait costs a system call only after a read that filled its
                // buffer (which moved many bytes or sized the next lease up).
                waitForData = outcome == ReadOutcome.Partial || leased;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException ex)
        {
            if (!stopping.IsCancellationRequested)
            {
                self.Tell(new ReadFailed(ex.SocketErrorCode, ex.Message), self);
            }
        }
    }

    /// <summary>
    /// One read into a pooled buffer, copied out into an exact-size array the message owns outright,
    /// so the pooled buffer goes straight back to the pool and no message ever sees a reused buffer.
    /// (Both read methods pool their state machines: they suspend whenever a read has to wait.)
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<ReadOutcome> ReadCopiedAsync(Socket socket, IActorRef? target, int chunkSize, IActorRef self)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
        byte[] chunk;
        try
        {
            // Socket calls take no token: PostStop disposes the socket, which ends them.
            var read = await socket.ReceiveAsync(buffer.AsMemory(0, chunkSize), SocketFlags.None, CancellationToken.None);
            if (read == 0)
            {
                return ReadOutcome.Ended;
            }

            // The copy overwrites every byte, so the array need not be zeroed first (ToArray would).
            chunk = GC.AllocateUninitializedArray<byte>(read);
            buffer.AsSpan(0, read).CopyTo(chunk);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        target?.Tell(new Tcp.Received(ByteString.FromOwnedArray(chunk)), self);
        return chunk.Length == chunkSize ? ReadOutcome.Full : ReadOutcome.Partial;
    }

    /// <summary>
    /// One read into a leased buffer (<see cref="NextLeaseSize"/>), lent to <paramref name="target"/>
    /// with the message (<c>TcpConnection.Leasing.cs</c>): no copy and no allocation per read.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOutcome> ReadLeasedAsync(Socket socket, IActorRef target, int chunkSize, IActorRef self)
    {
        var buffer = RentLease(_leaseSize, chunkSize);
        var size = Math.Min(buffer.Length, chunkSize);

        // On an exception the buffer is not returned: the OS may still be writing into it.
        var read = await socket.ReceiveAsync(buffer.AsMemory(0, size), SocketFlags.None, CancellationToken.None);
        if (read == 0)
        {
            ReturnUnused(buffer);
            return ReadOutcome.Ended;
        }

        RecordLease(buffer);
        target.Tell(new Tcp.Received(ByteString.FromOwnedArray(buffer, 0, read)), self);
        _leaseSize = NextLeaseSize(read, size, chunkSize);
        return read == size ? ReadOutcome.Full : ReadOutcome.Partial;
    }

    /// <summary>
    /// The lease for the next read, from what this one took: asking the OS how much it holds
    /// (<see cref="Socket.Available"/>) would cost a system call per read. A read that filled its buffer
    /// doubles the next size, so a stream soon reads in whole chunks and the same message size read
    /// again fits in one piece; smaller reads shrink it at most by half per read (never below the
    /// power of two that holds them), so one small message does not split the next large one.
    /// </summary>
    private static int NextLeaseSize(int read, int size, int chunkSize)
    {
        var next = read == size
            ? size * 2
            : Math.Max((int)BitOperations.RoundUpToPowerOf2((uint)read), size / 2);
        return Math.Min(Math.Max(next, MinLeaseSize), chunkSize);
    }

    /// <summary>What one read found: the peer's FIN, or data that did or did not fill the buffer.</summary>
    private enum ReadOutcome
    {
        Ended,
        Partial,
        Full,
    }
}
