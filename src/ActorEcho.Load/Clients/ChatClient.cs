using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using ActorEcho.Load.Metrics;
using ActorEcho.Load.Runner;
using ActorEcho.Load.Verification;

namespace ActorEcho.Load.Clients;

/// <summary>
/// A chat room member: sets its nick, joins, waits until the whole room has joined, sends plain
/// lines (if it is one of the room's senders), then waits, bounded by the reply timeout, for
/// every line the others sent, and counts what never came as missing.
/// </summary>
internal sealed partial class ChatClient : LoadClient
{
    private readonly ChatRoom _room;
    private readonly int _member;
    private readonly TimeSpan _interval;
    private readonly string _nick;
    private readonly ChatVerifier _verifier;
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sentLines;
    private long _pendingSince;
    private long _expected = -1;
    private int _closing;

    public ChatClient(int id, RunContext context, ChatRoom room, int member, TimeSpan interval)
        : base(id, context)
    {
        _room = room;
        _member = member;
        _interval = interval;
        _nick = $"{room.Name}-{member}";
        _verifier = new ChatVerifier(room.Members.Length, member);
        _roomPrefix = Encoding.ASCII.GetBytes($"[{room.Name}] ");
        _nickPrefix = Encoding.ASCII.GetBytes($"{room.Name}-");
        _nickReply = Encoding.ASCII.GetBytes($"OK nick {_nick}");
        _joinReply = Encoding.ASCII.GetBytes($"OK joined {room.Name} ");
        _lines = new LineSplitter(ChatLine.TextLength(context.Options.Payload) + 256);
        room.Members[member] = this;
    }

    public long SentLines => Volatile.Read(ref _sentLines);

    /// <summary>The room this member is in.</summary>
    public ChatRoom Room => _room;

    public override long PendingSince => Volatile.Read(ref _pendingSince);

    public override async Task RunAsync()
    {
        var joinSettled = false;
        var sendSettled = false;
        Task? receive = null;
        try
        {
            var socket = await ConnectTcpAsync();
            if (socket is null)
            {
                return;
            }

            receive = ReceiveLoopAsync(socket);
            Volatile.Write(ref _pendingSince, Stopwatch.GetTimestamp());
            if (!await SendAsync(socket, Encoding.ASCII.GetBytes($"/nick {_nick}\n/join {_room.Name}\n")))
            {
                return;
            }

            await _joined.Task.WaitAsync(AbortToken);
            joinSettled = true;
            _room.JoinSettled();
            await _room.AllJoined.WaitAsync(AbortToken);

            if (_member < _room.Senders)
            {
                await SendLinesAsync(socket);
            }

            sendSettled = true;
            _room.SendingSettled();
            await _room.AllSent.WaitAsync(AbortToken);
            await DrainAsync();
        }
        catch (OperationCanceledException)
        {
            // Aborted (timeout, hard cap or a broken connection): the reason is already recorded.
        }
        finally
        {
            if (!joinSettled)
            {
                _room.JoinSettled();
            }

            if (!sendSettled)
            {
                _room.SendingSettled();
            }

            Volatile.Write(ref _closing, 1);
            Close();
            if (receive is not null)
            {
                await receive;
            }

            if (Stats.Connected && !IsAborted)
            {
                var missing = _verifier.Missing(_room.SentCounts());
                if (missing > 0)
                {
                    Stats.AddError(ErrorKind.Missing, missing);
                }
            }
        }
    }

    private async Task SendLinesAsync(Socket socket)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Context.StopSending, AbortToken);
        var buffer = new byte[ChatLine.TextLength(Context.Options.Payload) + 1];
        var pacer = new Pacer(_interval, TimeSpan.FromTicks(_interval.Ticks * (_member % 16) / 16));
        try
        {
            while (!IsAborted)
            {
                await pacer.WaitAsync(stop.Token);
                if (stop.IsCancellationRequested || !Context.Budget.TryTake())
                {
                    return;
                }

                var length = ChatLine.Write(_sentLines, Stopwatch.GetTimestamp(), Context.Options.Payload, buffer);

                // Counted before sending so a receiver never sees a line its sender has not counted.
                Interlocked.Increment(ref _sentLines);
                if (!await SendAsync(socket, buffer.AsMemory(0, length)))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!IsAborted)
        {
        }
    }

    private async Task DrainAsync()
    {
        var sent = _room.SentCounts();
        long expected = 0;
        for (var i = 0; i < sent.Length; i++)
        {
            expected += i == _member ? 0 : sent[i];
        }

        Interlocked.Exchange(ref _expected, expected);
        if (Interlocked.Read(ref _deliveredTotal) >= expected)
        {
            return;
        }

        try
        {
            await _drained.Task.WaitAsync(Context.Options.ReplyTimeout, AbortToken);
        }
        catch (TimeoutException)
        {
            // What did not arrive in time is counted as missing when the verifier is closed.
        }
    }

    private async Task<bool> SendAsync(Socket socket, ReadOnlyMemory<byte> bytes)
    {
        try
        {
            while (!bytes.IsEmpty)
            {
                var written = await socket.SendAsync(bytes, SocketFlags.None, AbortToken);
                bytes = bytes[written..];
            }

            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            OnSocketFailure();
            return false;
        }
    }
}
