using Akka.Actor;
using Akka.IO;
using ActorEcho.Server.Chat;
using ActorEcho.Server.Inbound;
using ActorEcho.Server.Logging;
using ActorEcho.Server.Outbound;

namespace ActorEcho.Server.Sessions;

/// <summary>
/// The transport messages every state handles, and the way out: a session that closes queues its
/// last line, leaves the hub, sends <c>Tcp.ConfirmedClose</c> once everything queued is with the
/// connection (Akka.IO flushes it, then sends FIN), keeps reading and discarding until the client's
/// FIN, and stops when the connection reports it closed. Reading on matters: closing a socket that
/// still holds unread input makes the OS send a reset, which can destroy the last lines before the
/// client reads them. A client that never closes or never reads cannot hold the session forever:
/// after <c>close-timeout</c> the connection is aborted.
/// </summary>
internal sealed partial class SessionActor
{
    private void BeginClose(ReadOnlyMemory<byte> lastLine, string reason)
    {
        if (_closing)
        {
            return;
        }

        _closing = true;
        _closeReason = reason;
        _slowReaderTimer?.Cancel();
        Context.SetReceiveTimeout(null);
        Hub.Tell(ChatProtocol.Disconnect.Instance, Self);

        // Chat lines for this client no longer matter; its own output (echo, replies) still goes out.
        _session.Outbound?.DiscardChat();
        _backlog?.Clear();
        if (!lastLine.IsEmpty)
        {
            Outbound.EnqueueOwn(Lines.From(lastLine), Self);
        }

        // Nothing read from now on is processed, so nothing holds reading back any more.
        Reads.Hold(ReadReasons.InputBacklog | ReadReasons.OutputBacklog, false, Self);
        _closeTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(Settings.Session.CloseTimeout, Self, CloseTimedOut.Instance, Self);
        Become(Closing);
        TrySendClose();
    }

    private void Closing(object message)
    {
        switch (message)
        {
            case CloseTimedOut:
                _log.CloseTimedOut(_session.Number, _session.Remote, Settings.Session.CloseTimeout);
                Connection.Tell(Tcp.Abort.Instance, Self);
                StopCleanly();
                break;
            case Tcp.PeerClosed:
                // Still flushing; the connection stays writable until our close.
                break;
            case Tcp.Received:
                // Discarded, but read: the client's FIN comes after its data.
                Reads.OnReceived();
                Reads.RequestNext(Self);
                break;
            case ChatProtocol.Deliver or ChatProtocol.Reply or ChatProtocol.NickChanged or ChatProtocol.Joined:
            case ChatProtocol.Said or ChatProtocol.HoldInput or SlowReaderTimedOut:
            case ReceiveTimeout or Runtime.EndpointProtocol.ServerShuttingDown:
                break;
            default:
                if (!HandleTransport(message))
                {
                    Unhandled(message);
                }

                break;
        }
    }

    /// <summary>Acks, NACKs and the connection's end, in any state.</summary>
    private bool HandleTransport(object message)
    {
        switch (message)
        {
            case WriteAck ack:
                if (Outbound.OnAck(ack, Self) is var noticed and > 0)
                {
                    _log.SlowReaderDropped(_session.Number, _session.Remote, noticed);
                }

                ReportCongestion();
                TrySendClose();
                return true;
            case Tcp.CommandFailed failed when _session.Outbound is { } outbound && outbound.OnRefused(failed, Self) is var refusal and not WriteRefusal.NotAWrite:
                if (refusal == WriteRefusal.QueueFullAborted)
                {
                    // The queue aborted the connection; its Aborted ends this session.
                    _log.WriteRefused(Self.Path.ToString(), failed.CauseString);
                }

                return true;
            case Tcp.ConnectionClosed closed:
                if (!_closing)
                {
                    _closeReason = closed switch
                    {
                        Tcp.ErrorClosed error => "connection failed: " + error.Cause,
                        Tcp.Aborted => "connection reset",
                        _ => "connection closed",
                    };
                }

                StopCleanly();
                return true;
            case CloseTimedOut:
                return true;
            default:
                return false;
        }
    }

    private void TrySendClose()
    {
        if (_closing && !_closeSent && _session.Outbound is not { IsEmpty: false })
        {
            _closeSent = true;
            Connection.Tell(Tcp.ConfirmedClose.Instance, Self);
        }
    }

    private void StopCleanly()
    {
        _session.CleanStop = true;
        Context.Stop(Self);
    }

    /// <summary>The close did not finish within <c>close-timeout</c>.</summary>
    private sealed record CloseTimedOut
    {
        public static CloseTimedOut Instance { get; } = new();
    }
}
