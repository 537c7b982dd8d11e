using System.Text;

namespace ActorEcho.Server.Tests.Support;

/// <summary>
/// Plays the client side of one connection without sockets: a <see cref="TestProbe"/> stands in for
/// the Akka.IO connection actor (the one the session registered with), received text is fed to the
/// session as <c>Tcp.Received</c>, and writes from the session are collected (and acked, unless
/// <see cref="AutoAck"/> is off) so tests read them back line by line. It keeps the pull-mode
/// bookkeeping a real connection keeps: whether the session has asked for the next chunk
/// (<c>Tcp.ResumeReading</c>) since the last one was delivered.
/// </summary>
internal sealed class FakeClient
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);
    private readonly List<byte> _received = [];

    public FakeClient(TestProbe connection, IActorRef handler)
    {
        Connection = connection;
        Handler = handler;
    }

    public TestProbe Connection { get; }

    /// <summary>The actor that registered with the connection (the session).</summary>
    public IActorRef Handler { get; }

    /// <summary>Ack each write as soon as it is seen (default on); off to play a client that does not read.</summary>
    public bool AutoAck { get; set; } = true;

    public List<Tcp.Write> Unacked { get; } = [];

    /// <summary>The session asked for a chunk (<c>ResumeReading</c>) and none was delivered since.</summary>
    public bool ReadRequested { get; private set; }

    /// <summary>The session asked for a graceful close (<c>ConfirmedClose</c> or <c>Close</c>).</summary>
    public bool CloseRequested { get; private set; }

    public bool Aborted { get; private set; }

    /// <summary>Every message the connection probe got, in order (writes included).</summary>
    public List<object> Log { get; } = [];

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    /// <summary>Delivers a chunk, as the connection does after a <c>ResumeReading</c> (tests may also push one unasked).</summary>
    public void Send(byte[] bytes)
    {
        ReadRequested = false;
        Handler.Tell(new Tcp.Received(ByteString.CopyFrom(bytes)), Connection.Ref);
    }

    /// <summary>Takes the next message from the connection probe and records what it means.</summary>
    public object Pump(TimeSpan? max = null)
    {
        var message = Connection.ReceiveOne(max ?? DefaultWait);
        Log.Add(message);
        switch (message)
        {
            case Tcp.Write write:
                _received.AddRange(write.Data.ToArray());
                if (AutoAck && write.WantsAck)
                {
                    Handler.Tell(write.Ack, Connection.Ref);
                }
                else if (write.WantsAck)
                {
                    Unacked.Add(write);
                }

                break;
            case Tcp.ResumeReading:
                ReadRequested = true;
                break;
            case Tcp.ConfirmedClose or Tcp.Close:
                CloseRequested = true;
                break;
            case Tcp.Abort:
                Aborted = true;
                break;
        }

        return message;
    }

    /// <summary>The next line the server sent, without its <c>\n</c>.</summary>
    public string ExpectLine(TimeSpan? max = null)
    {
        var deadline = DateTime.UtcNow + (max ?? DefaultWait);
        for (var i = 0; i < 10_000; i++)
        {
            var newline = _received.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(_received.GetRange(0, newline).ToArray());
                _received.RemoveRange(0, newline + 1);
                return line;
            }

            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no complete line within {max ?? DefaultWait}; have '{Pending}'");
            Pump(left);
        }

        throw new InvalidOperationException("too many messages without a line");
    }

    /// <summary>Exactly <paramref name="count"/> more bytes from the server.</summary>
    public byte[] ExpectBytes(int count, TimeSpan? max = null)
    {
        var deadline = DateTime.UtcNow + (max ?? DefaultWait);
        for (var i = 0; i < 10_000 && _received.Count < count; i++)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"expected {count} bytes, have {_received.Count}");
            Pump(left);
        }

        var bytes = _received.GetRange(0, count).ToArray();
        _received.RemoveRange(0, count);
        return bytes;
    }

    public string ExpectText(string expected)
    {
        var text = Encoding.UTF8.GetString(ExpectBytes(Encoding.UTF8.GetByteCount(expected)));
        Assert.Equal(expected, text);
        return text;
    }

    /// <summary>Reads until the session asks the connection to close; then reports the connection closed, as Akka.IO would.</summary>
    public void ExpectClose(TimeSpan? max = null)
    {
        var deadline = DateTime.UtcNow + (max ?? DefaultWait);
        for (var i = 0; i < 10_000 && !CloseRequested; i++)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, "the session did not close the connection");
            Pump(left);
        }

        Assert.True(_received.Count == 0, $"bytes after the last line: '{Pending}'");
        Handler.Tell(Tcp.ConfirmedClosed.Instance, Connection.Ref);
    }

    /// <summary>Waits for a message of type <typeparamref name="T"/> on the connection, recording the ones before it.</summary>
    public T PumpUntil<T>(TimeSpan? max = null)
    {
        var deadline = DateTime.UtcNow + (max ?? DefaultWait);
        for (var i = 0; i < 10_000; i++)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no {typeof(T).Name} arrived");
            if (Pump(left) is T found)
            {
                return found;
            }
        }

        throw new InvalidOperationException($"no {typeof(T).Name} within 10000 messages");
    }

    /// <summary>
    /// Nothing but read requests arrives for a short while, and nothing unread is left. Read
    /// requests are flow control, not output: they are recorded and allowed.
    /// </summary>
    public void ExpectNothing(int milliseconds = 200)
    {
        Assert.True(_received.Count == 0, $"unread bytes: '{Pending}'");
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(milliseconds);
        for (var i = 0; i < 10_000; i++)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            var message = Connection.ReceiveOne(left);
            if (message is null)
            {
                return;
            }

            Log.Add(message);
            Assert.True(message is Tcp.ResumeReading, $"expected nothing, got {message}");
            ReadRequested = true;
        }
    }

    /// <summary>Pumps for a while, recording writes, and fails if the session asks for another chunk meanwhile.</summary>
    public void ExpectNoReadRequest(int milliseconds = 200)
    {
        Assert.False(ReadRequested, "the session had already asked for the next chunk");
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(milliseconds);
        for (var i = 0; i < 10_000; i++)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || Connection.ReceiveOne(left) is not { } message)
            {
                return;
            }

            Log.Add(message);
            Assert.False(message is Tcp.ResumeReading, "the session asked for the next chunk although reading should be held back");
            if (message is Tcp.Write write)
            {
                _received.AddRange(write.Data.ToArray());
                if (write.WantsAck)
                {
                    if (AutoAck)
                    {
                        Handler.Tell(write.Ack, Connection.Ref);
                    }
                    else
                    {
                        Unacked.Add(write);
                    }
                }
            }
        }
    }

    /// <summary>Pumps until the session has asked for the next chunk (fails if it does not within the wait).</summary>
    public void ExpectReadRequest(TimeSpan? max = null)
    {
        if (!ReadRequested)
        {
            PumpUntil<Tcp.ResumeReading>(max);
        }
    }

    public void AckAll()
    {
        foreach (var write in Unacked)
        {
            Handler.Tell(write.Ack, Connection.Ref);
        }

        Unacked.Clear();
    }

    public string Pending => Encoding.UTF8.GetString(_received.ToArray());
}
