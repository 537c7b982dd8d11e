using System.Net.Sockets;
using ActorEcho.IO.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Connections;

public sealed class TcpFlowControlTests(ITestOutputHelper output) : IOTestBase(output)
{
    [Fact]
    public void WritesPastTheBound_Should_BeNacked_And_ResumeWritingLetsWriterResendInOrder()
    {
        var settings = TcpSettings.Default with { MaxPendingWriteBytes = 64 * 1024, SendBufferSize = 16 * 1024 };
        var (listener, endPoint) = Bind(TestActor, settings);
        using var client = ConnectRaw(endPoint);
        client.ReceiveBufferSize = 64 * 1024;
        var (connection, _, _) = AcceptAndRegister(this);

        const int chunks = 200;
        const int chunkSize = 8 * 1024;
        var writerProbe = CreateTestProbe();
        var writer = Sys.ActorOf(Props.Create(() => new ResendingWriter(connection, chunks, chunkSize, writerProbe.Ref)));

        // The client does not read yet, so the bound must be hit and NACKs must happen.
        var nacks = writerProbe.ExpectMsg<ResendingWriter.FirstNack>(Patience);
        Assert.True(nacks.Index > 0, "the first write is always accepted");

        var received = ReadExactly(client, chunks * chunkSize);
        for (var i = 0; i < chunks; i++)
        {
            var seq = BitConverter.ToInt32(received, i * chunkSize);
            Assert.True(seq == i, $"chunk {i} carried sequence {seq}: lost or reordered");
        }

        var done = writerProbe.ExpectMsg<ResendingWriter.AllAcked>(Patience);
        Assert.True(done.Nacks >= 1);
        Sys.Stop(writer);
        Unbind(listener);
    }

    [Fact]
    public void ResumeWriting_Should_AnswerAtOnce_When_NothingIsPending()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler, _) = AcceptAndRegister(this);
        connection.Tell(Tcp.ResumeWriting.Instance, handler.Ref);
        handler.ExpectMsg<Tcp.WritingResumed>(Patience);
        Unbind(listener);
    }

    [Fact]
    public void SuspendReading_Should_StallThePeer_And_ResumeReading_DeliversEverything()
    {
        var settings = TcpSettings.Default with { ReceiveBufferSize = 8 * 1024 };
        var (listener, endPoint) = Bind(TestActor, settings);
        using var client = ConnectRaw(endPoint);
        client.SendBufferSize = 8 * 1024;
        ExpectMsg<Tcp.Connected>(Patience);
        var connection = LastSender;
        var handler = CreateTestProbe();
        connection.Tell(Tcp.SuspendReading.Instance, handler.Ref);
        connection.Tell(new Tcp.Register(handler.Ref), handler.Ref);

        // Write without blocking until the kernel refuses more: the peer stalls because we do not read.
        client.Blocking = false;
        var chunk = new byte[4096];
        long sent = 0;
        var stalled = false;
        const long limit = 64L * 1024 * 1024;
        while (sent < limit)
        {
            var n = client.Send(chunk, 0, chunk.Length, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                stalled = true;
                break;
            }

            Assert.Equal(SocketError.Success, error);
            sent += n;
        }

        Assert.True(stalled, $"the peer wrote {sent} bytes without stalling while reading was suspended");
        handler.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        connection.Tell(Tcp.ResumeReading.Instance, handler.Ref);
        Assert.Equal(sent, ReceiveBytes(handler, (int)sent).Length);
        Unbind(listener);
    }

    [Fact]
    public void PullMode_Should_ReadOneChunkPerResumeReading()
    {
        var (listener, endPoint) = Bind(TestActor, pullMode: true);
        using var client = ConnectRaw(endPoint);
        listener.Tell(new Tcp.ResumeAccepting(1));
        var (connection, handler, _) = AcceptAndRegister(this);

        client.Send("first"u8);
        handler.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        connection.Tell(Tcp.ResumeReading.Instance, handler.Ref);
        Assert.Equal("first", handler.ExpectMsg<Tcp.Received>(Patience).Data.DecodeString());

        client.Send("second"u8);
        handler.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        connection.Tell(Tcp.ResumeReading.Instance, handler.Ref);
        Assert.Equal("second", handler.ExpectMsg<Tcp.Received>(Patience).Data.DecodeString());
        Unbind(listener);
    }

    /// <summary>
    /// The NACK-based writer pattern: write everything optimistically; on the first refusal, drop the
    /// refusals that follow it, send ResumeWriting, and resend from the refused write once resumed.
    /// </summary>
    private sealed class ResendingWriter : UntypedActor
    {
        private readonly IActorRef _connection;
        private readonly int _chunks;
        private readonly int _chunkSize;
        private readonly IActorRef _report;
        private int _acked;
        private int _nacks;
        private bool _resuming;
        private int _resendFrom;

        public ResendingWriter(IActorRef connection, int chunks, int chunkSize, IActorRef report)
        {
            _connection = connection;
            _chunks = chunks;
            _chunkSize = chunkSize;
            _report = report;
        }

        protected override void PreStart() => SendFrom(0);

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case Ack ack:
                    Assert.Equal(_acked, ack.Sequence);
                    _acked++;
                    if (_acked == _chunks)
                    {
                        _report.Tell(new AllAcked(_nacks));
                    }

                    break;
                case Tcp.CommandFailed { Cmd: Tcp.Write { Ack: Ack refused } } when !_resuming:
                    if (_nacks++ == 0)
                    {
                        _report.Tell(new FirstNack(refused.Sequence));
                    }

                    _resuming = true;
                    _resendFrom = refused.Sequence;
                    _connection.Tell(Tcp.ResumeWriting.Instance);
                    break;
                case Tcp.CommandFailed:
                    // A refusal of a write after the first refused one: it is resent anyway.
                    break;
                case Tcp.WritingResumed:
                    _resuming = false;
                    SendFrom(_resendFrom);
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }

        private void SendFrom(int first)
        {
            for (var i = first; i < _chunks; i++)
            {
                var data = new byte[_chunkSize];
                BitConverter.TryWriteBytes(data, i);
                _connection.Tell(Tcp.Write.Create(ByteString.FromOwnedArray(data), new Ack(i)));
            }
        }

        public sealed record FirstNack(int Index);

        public sealed record AllAcked(int Nacks);
    }
}
