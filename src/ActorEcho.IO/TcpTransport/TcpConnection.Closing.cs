using System.Net.Sockets;
using ActorEcho.Actors;
using ActorEcho.IO.Logging;

namespace ActorEcho.IO.TcpTransport;

/// <summary>The close paths: graceful (after the write queue drains), confirmed, aborted, failed.</summary>
internal sealed partial class TcpConnection
{
    private CloseMode _closeMode;
    private IActorRef? _closeCommander;
    private bool _finSent;
    private Tcp.ConnectionClosed? _lingerResult;

    private void BeginClose(Tcp.CloseCommand command, IActorRef? commander)
    {
        if (_closeMode is CloseMode.Close or CloseMode.ConfirmedClose)
        {
            // Already closing on request; the first request decides how.
            return;
        }

        _closeCommander = commander;
        _closeMode = command is Tcp.ConfirmedClose ? CloseMode.ConfirmedClose : CloseMode.Close;
        if (_closeMode == CloseMode.ConfirmedClose && !_peerClosed)
        {
            // The peer's FIN can only be seen by reading; read whatever comes until then.
            _readingSuspended = false;
            StartReading(_handler ?? commander ?? Context.System.DeadLetters);
            _readGate.Open();
        }

        _state = State.Closing;
        TryFinishClose();
    }

    private void OnPeerClosed()
    {
        _peerClosed = true;
        switch (_closeMode)
        {
            case CloseMode.ConfirmedClose:
                TryFinishClose();
                return;
            case CloseMode.Close or CloseMode.PeerClosed:
                return;
        }

        if (_keepOpenOnPeerClosed)
        {
            _handler?.Tell(Tcp.PeerClosed.Instance, Self);
            return;
        }

        _closeMode = CloseMode.PeerClosed;
        _state = State.Closing;
        TryFinishClose();
    }

    /// <summary>Ends the connection once nothing is queued, the way <see cref="_closeMode"/> asks.</summary>
    private void TryFinishClose()
    {
        if (_sending || _queue.Count > 0)
        {
            return;
        }

        switch (_closeMode)
        {
            case CloseMode.Close:
                ShutdownSend();
                LingerThenFinish(Tcp.Closed.Instance);
                break;
            case CloseMode.ConfirmedClose:
                ShutdownSend();
                if (_peerClosed)
                {
                    Finish(Tcp.ConfirmedClosed.Instance);
                }

                break;
            case CloseMode.PeerClosed:
                ShutdownSend();
                Finish(Tcp.PeerClosed.Instance);
                break;
        }
    }

    private void ShutdownSend()
    {
        if (_finSent)
        {
            return;
        }

        _finSent = true;
        try
        {
            _socket?.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The peer already reset the connection: nothing left to flush.
        }
    }

    private void DoAbort(IActorRef commander)
    {
        _tcp.Tracker.Abort(_socket);
        _closeCommander = commander;
        Finish(Tcp.Aborted.Instance);
    }

    private void FailWith(string cause)
    {
        IOLog.ConnectionFailed(_tcp.Logger, _id, _remote, cause);
        Finish(new Tcp.ErrorClosed(cause));
    }

    /// <summary>Tells the handler and the close commander how the connection ended, then stops (PostStop disposes the socket).</summary>
    private void Finish(Tcp.ConnectionClosed closed)
    {
        Report(closed);
        _state = State.Stopped;
        Context.Stop(Self);
    }

    private void Report(Tcp.ConnectionClosed closed)
    {
        IOLog.ConnectionClosed(_tcp.Logger, _id, _remote, closed.GetType().Name);
        _handler?.Tell(closed, Self);
        if (_closeCommander is { } commander && !commander.Equals(_handler) && !commander.Equals(Context.System.DeadLetters))
        {
            commander.Tell(closed, Self);
        }
    }

    /// <summary>
    /// Our FIN is out and everything before it flushed. But releasing a socket whose receive buffer
    /// still holds unread bytes makes the OS answer with RST, and an RST makes the peer's OS drop
    /// whatever the peer has not read yet — the last lines it was meant to get. So keep reading, and
    /// discarding, until the peer's FIN (or an error, or <c>close-linger</c>), then release, and
    /// only then report <c>Closed</c>: a handler that stops on <c>Closed</c> (and a shutdown that
    /// waits for it) must not cut the linger short.
    /// </summary>
    private void LingerThenFinish(Tcp.ConnectionClosed closed)
    {
        if (_peerClosed || _socket is not { } socket)
        {
            Finish(closed);
            return;
        }

        _lingerResult = closed;
        _readTarget = null;
        _readingSuspended = false;
        _readGate.Open();
        if (!_readLoopStarted)
        {
            _readLoopStarted = true;
            _ = ReadLoopAsync(socket, Self, _stopping.Token);
        }

        _state = State.Lingering;
        Context.System.Scheduler.ScheduleTellOnce(_tcp.Settings.CloseLinger, Self, LingerTimedOut.Instance, Self);
    }

    /// <summary>Closed as far as anyone is concerned; waiting for the peer's FIN before releasing the socket.</summary>
    private void Lingering(object message)
    {
        switch (message)
        {
            case ReadEnded or ReadFailed or LingerTimedOut:
                Finish(_lingerResult!);
                break;
            default:
                // Writes are refused exactly as after the final event; late reports and the
                // handler's death change nothing now.
                Stopped(message);
                break;
        }
    }

    /// <summary>After the final event: only late socket reports arrive, and they no longer matter.</summary>
    private void Stopped(object message)
    {
        if (message is Tcp.WriteCommand write)
        {
            Sender.Tell(new Tcp.CommandFailed(write, new InvalidOperationException("the connection is closed; the write was not sent")), Self);
        }
    }
}
