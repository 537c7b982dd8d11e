using System.Buffers;
using System.Net.Sockets;
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

                var buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
                byte[] chunk;
                try
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(0, chunkSize), SocketFlags.None, CancellationToken.None);
                    if (read == 0)
                    {
                        self.Tell(ReadEnded.Instance, self);
                        return;
                    }

                    // Copy out into an exact-size array the message owns outright, so the pooled buffer
                    // goes straight back to the pool and no message ever sees a reused buffer.
                    chunk = buffer.AsSpan(0, read).ToArray();

                    // A full buffer means more is probably waiting: read again without the zero-byte wait.
                    waitForData = read < chunkSize;
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                _readTarget?.Tell(new Tcp.Received(ByteString.FromOwnedArray(chunk)), self);
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
}
