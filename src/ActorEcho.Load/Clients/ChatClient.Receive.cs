using System.Buffers.Text;
using System.Diagnostics;
using System.Net.Sockets;
using ActorEcho.Load.Metrics;
using ActorEcho.Load.Verification;

namespace ActorEcho.Load.Clients;

/// <summary>The receive side of a chat member: replies to /nick and /join, then deliveries.</summary>
internal sealed partial class ChatClient
{
    private readonly byte[] _roomPrefix;
    private readonly byte[] _nickPrefix;
    private readonly byte[] _nickReply;
    private readonly byte[] _joinReply;
    private readonly LineSplitter _lines;
    private long _deliveredTotal;
    private State _state = State.AwaitingNick;

    private enum State
    {
        AwaitingNick,
        AwaitingJoin,
        InRoom,
    }

    private async Task ReceiveLoopAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (!IsAborted)
            {
                var received = await socket.ReceiveAsync(buffer, SocketFlags.None, AbortToken);
                if (received == 0)
                {
                    if (Volatile.Read(ref _closing) == 0)
                    {
                        OnSocketFailure();
                    }

                    return;
                }

                var now = Stopwatch.GetTimestamp();
                long delivered = 0;
                ReadOnlySpan<byte> data = buffer.AsSpan(0, received);
                while (!data.IsEmpty && !IsAborted)
                {
                    var status = _lines.Next(ref data, out var line);
                    if (status == LineStatus.NeedMore)
                    {
                        break;
                    }

                    if (status == LineStatus.TooLong)
                    {
                        Stats.AddError(ErrorKind.Parse);
                        continue;
                    }

                    if (OnLine(line, now))
                    {
                        delivered++;
                    }
                }

                Stats.AddTraffic(delivered, received);
                if (delivered > 0)
                {
                    var total = Interlocked.Add(ref _deliveredTotal, delivered);
                    var expected = Interlocked.Read(ref _expected);
                    if (expected >= 0 && total >= expected)
                    {
                        _drained.TrySetResult();
                    }
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            if (Volatile.Read(ref _closing) == 0)
            {
                OnSocketFailure();
            }
        }
    }

    /// <summary>Handles one server line; true when it was a new, verified delivery.</summary>
    private bool OnLine(ReadOnlySpan<byte> line, long now)
    {
        if (line.StartsWith("NOTICE "u8))
        {
            return false;
        }

        if (line.StartsWith("ERR "u8))
        {
            // Before joining nothing can work; later (e.g. rate limited) the line is just lost.
            if (_state != State.InRoom)
            {
                Abort(ErrorKind.Unexpected);
            }
            else
            {
                Stats.AddError(ErrorKind.Unexpected);
            }

            return false;
        }

        switch (_state)
        {
            case State.AwaitingNick:
                if (line.SequenceEqual(_nickReply))
                {
                    _state = State.AwaitingJoin;
                    return false;
                }

                break;
            case State.AwaitingJoin:
                if (line.StartsWith(_joinReply))
                {
                    _state = State.InRoom;
                    Volatile.Write(ref _pendingSince, 0);
                    _joined.TrySetResult();
                    return false;
                }

                break;
        }

        if (!line.StartsWith(_roomPrefix))
        {
            Stats.AddError(ErrorKind.Unexpected);
            return false;
        }

        var rest = line[_roomPrefix.Length..];
        if (rest.StartsWith("* "u8))
        {
            // Room notices (joins, leaves, nick changes) carry no load.
            return false;
        }

        return OnDelivery(rest, now);
    }

    private bool OnDelivery(ReadOnlySpan<byte> rest, long now)
    {
        var colon = rest.IndexOf(": "u8);
        if (!rest.StartsWith(_nickPrefix) || colon < 0 ||
            !Utf8Parser.TryParse(rest[_nickPrefix.Length..colon], out int sender, out var used) ||
            used != colon - _nickPrefix.Length)
        {
            Stats.AddError(ErrorKind.Unexpected);
            return false;
        }

        if (_state != State.InRoom)
        {
            Stats.AddError(ErrorKind.Unexpected);
            return false;
        }

        if (!ChatLine.TryParse(rest[(colon + 2)..], Context.Options.Payload, out var seq, out var sentAt))
        {
            Stats.AddError(ErrorKind.Mismatch);
            return false;
        }

        var verdict = _verifier.Accept(sender, seq);
        if (verdict is { } kind)
        {
            Stats.AddError(kind);
            if (kind != ErrorKind.Reordered)
            {
                return false;
            }
        }

        var latency = (long)Stopwatch.GetElapsedTime(sentAt, now).TotalMicroseconds;
        Stats.Latency.Record(latency);
        if (verdict is null)
        {
            _room.Delivered(sender, seq, latency);
        }

        return true;
    }
}
