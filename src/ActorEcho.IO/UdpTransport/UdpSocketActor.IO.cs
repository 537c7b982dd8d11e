using System.Net;
using System.Net.Sockets;
using ActorEcho.Actors;
using ActorEcho.IO.Logging;

namespace ActorEcho.IO.UdpTransport;

/// <summary>The datagram loops: receive (never truncating) and send (one at a time, in order).</summary>
internal sealed partial class UdpSocketActor
{
    private void HandleSend(Udp.Send send)
    {
        if (_socket is null)
        {
            Sender.Tell(new Udp.CommandFailed(send, new InvalidOperationException("the socket is closed")), Self);
            return;
        }

        if (send.Payload.Count > _udp.Settings.MaxDatagramSize)
        {
            Sender.Tell(new Udp.CommandFailed(send, new ArgumentException(
                $"datagram of {send.Payload.Count} bytes is larger than max-datagram-size {_udp.Settings.MaxDatagramSize}")), Self);
            return;
        }

        if (_queue.Count >= _udp.Settings.MaxPendingSends)
        {
            Sender.Tell(new Udp.CommandFailed(send, new InvalidOperationException(
                $"{_queue.Count} datagrams already queued (max-pending-sends)")), Self);
            return;
        }

        _queue.Enqueue((send, Sender));
        TrySend();
    }

    private void TrySend()
    {
        if (_sending || _socket is null || !_queue.TryPeek(out var head))
        {
            return;
        }

        _sending = true;
        _ = SendAsync(_socket, head.Send, Self);
    }

    private void OnSendCompleted(Exception? failure)
    {
        _sending = false;
        var (send, ackTo) = _queue.Dequeue();
        if (failure is not null)
        {
            IOLog.UdpSendFailed(_udp.Logger, send.Target, failure.Message);
            ackTo.Tell(new Udp.CommandFailed(send, failure), Self);
        }
        else if (send.WantsAck)
        {
            ackTo.Tell(send.Ack, Self);
        }

        TrySend();
    }

    private static async Task SendAsync(Socket socket, Udp.Send send, IActorRef self)
    {
        try
        {
            // A datagram goes out in one call, so a segmented payload is joined first.
            var payload = send.Payload.IsCompact && send.Payload.Segments.Count == 1
                ? send.Payload.Segments[0].AsMemory()
                : send.Payload.ToArray();
            await socket.SendToAsync(payload, SocketFlags.None, send.Target);
            self.Tell(SendCompleted.Instance, self);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException or NotSupportedException)
        {
            self.Tell(new SendFailed(ex), self);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ReceiveLoopAsync(Socket socket, IActorRef handler, IActorRef self, CancellationToken stopping)
    {
        var max = _udp.Settings.MaxDatagramSize;

        // One byte more than the largest datagram we deliver: a datagram that fills it was too large
        // (the OS truncated it), so it is dropped rather than delivered cut short. The buffer belongs
        // to this loop alone; each delivered datagram is copied into an array its message owns.
        var buffer = new byte[max + 1];
        EndPoint any = socket.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Any, 0)
            : new IPEndPoint(IPAddress.Any, 0);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _readGate.WaitAsync(stopping);
                var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, CancellationToken.None);
                if (result.ReceivedBytes > max)
                {
                    IOLog.DatagramTooLarge(_udp.Logger, _local, result.RemoteEndPoint, max);
                    continue;
                }

                var data = ByteString.CopyFrom(buffer.AsSpan(0, result.ReceivedBytes));
                handler.Tell(new Udp.Received(data, result.RemoteEndPoint), self);
            }
            catch (SocketException ex) when (IsIcmpReport(ex.SocketErrorCode))
            {
                // An ICMP error about an earlier send (e.g. port unreachable) surfaces on the next
                // receive on some platforms; it says nothing about this socket, which keeps working.
                IOLog.UdpIcmpIgnored(_udp.Logger, _local, ex.SocketErrorCode);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.MessageSize)
            {
                IOLog.DatagramTooLarge(_udp.Logger, _local, any, max);
            }
            catch (SocketException ex)
            {
                if (!stopping.IsCancellationRequested)
                {
                    self.Tell(new ReceiveFailed(ex.SocketErrorCode), self);
                }

                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    private static bool IsIcmpReport(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable;

    private sealed record SendCompleted
    {
        public static SendCompleted Instance { get; } = new();
    }

    private sealed record SendFailed(Exception Cause);

    private sealed record ReceiveFailed(SocketError Error);
}
