using System.Text;
using ActorEcho.IO;
using ActorEcho.TestKit;

namespace ActorEcho.Server.Tests.Support;

/// <summary>
/// Plays the client side of one connection without sockets: a <see cref="TestProbe"/> stands in for
/// the connection actor (the session's registered handler target), received text is fed to the
/// session as <c>Tcp.Received</c>, and writes from the session are collected (and acked, unless
/// <see cref="AutoAck"/> is off) so tests read them back line by line.
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

    public bool ReadingSuspended { get; private set; }

    public bool CloseRequested { get; private set; }

    public bool Aborted { get; private set; }

    public int ResumeWritingRequests { get; private set; }

    /// <summary>Every message the connection probe got, in order (writes included).</summary>
    public List<object> Log { get; } = [];

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public void Send(byte[] bytes) => Handler.Tell(new Tcp.Received(ByteString.FromBytes(bytes)), Connection.Ref);

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
            case Tcp.SuspendReading:
                ReadingSuspended = true;
                break;
            case Tcp.ResumeReading:
                ReadingSuspended = false;
                break;
            case Tcp.Close:
                CloseRequested = true;
                break;
            case Tcp.Abort:
                Aborted = true;
                break;
            case Tcp.ResumeWriting:
                ResumeWritingRequests++;
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

    /// <summary>Reads until the session asks the connection to close; then reports the connection closed, as the socket layer would.</summary>
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
        Handler.Tell(Tcp.Closed.Instance, Connection.Ref);
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

    /// <summary>Nothing more arrives for a short while, and nothing unread is left.</summary>
    public void ExpectNothing(int milliseconds = 200)
    {
        Assert.True(_received.Count == 0, $"unread bytes: '{Pending}'");
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(milliseconds));
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
