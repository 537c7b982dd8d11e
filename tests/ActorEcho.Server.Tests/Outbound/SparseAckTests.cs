using ActorEcho.Server.Outbound;
using ActorEcho.Server.Tests.Support;
using Xunit.Abstractions;

namespace ActorEcho.Server.Tests.Outbound;

/// <summary>
/// Sessions ask Akka.IO for a write ack only once per quarter window, and for an explicit one (an
/// empty acked write) when output has to wait for the window; flow control and order stay exactly
/// as with an ack per write.
/// </summary>
public sealed class SparseAckTests : ServerTestKit
{
    public SparseAckTests(ITestOutputHelper output)
        : base(output)
    {
    }

    /// <summary>A 40-byte window: a write asks for an ack once 10 bytes went out unconfirmed.</summary>
    private FakeClient Start(int echoHighWatermark = 1024 * 1024)
    {
        StartServer(ServerSettings.Default with { Session = new SessionSettings { MaxInFlightBytes = 40, EchoHighWatermark = echoHighWatermark } });
        var client = Connect();
        client.AutoAck = false;
        return client;
    }

    [Fact]
    public void Session_Should_AskForAnAck_OnlyOnceAQuarterWindowIsOut_CoveringEveryByteSince()
    {
        var client = Start();

        var writes = new List<Tcp.Write>();
        for (var i = 0; i < 3; i++)
        {
            client.Send("abcd");
            writes.Add(client.PumpUntil<Tcp.Write>());
        }

        Assert.False(writes[0].WantsAck);
        Assert.False(writes[1].WantsAck);
        var ack = Assert.IsType<WriteAck>(writes[2].Ack);
        Assert.Equal(12, ack.Bytes);
        Assert.Equal("abcdabcdabcd", client.Pending);
    }

    [Fact]
    public void FullWindow_Should_AskForAnAckWithAnEmptyWrite_AndReopenWhenItComes_InOrder()
    {
        var client = Start();

        // Eleven 4-byte echoes: ten fill the 40-byte window, the eleventh waits in the session.
        for (var i = 0; i < 11; i++)
        {
            client.Send($"{i % 10}{i % 10}{i % 10}\n");
        }

        // Three writes asked for an ack on the way (at 12, 24 and 36 bytes); the last four bytes
        // out are covered by none, so the session asks with an empty write and stops there.
        var empty = client.PumpUntil<Tcp.Write>();
        for (var i = 0; i < 10_000 && !empty.Data.IsEmpty; i++)
        {
            empty = client.PumpUntil<Tcp.Write>();
        }

        Assert.True(empty.Data.IsEmpty);
        Assert.Equal(4, Assert.IsType<WriteAck>(empty.Ack).Bytes);
        Assert.Equal(4, client.Unacked.Count);
        Assert.Equal(40, client.Pending.Length);
        client.ExpectBytes(40);
        client.ExpectNothing();

        client.AckAll();
        client.ExpectText("000\n");
        client.ExpectNothing();
    }

    [Fact]
    public void Session_Should_HoldReadingBack_ForAClientThatDoesNotRead_AndLoseNothing()
    {
        var client = Start(echoHighWatermark: 20);
        var sent = string.Concat(Enumerable.Range(0, 16).Select(i => $"{i:D3}\n"));

        // 40 bytes fill the window; of the 24 left in the session's queue, the last 4 cross the
        // watermark. Each chunk is delivered only when asked for, as Akka.IO's pull mode does.
        for (var i = 0; i < 16; i++)
        {
            client.ExpectReadRequest();
            client.Send(sent.Substring(i * 4, 4));
        }

        client.ExpectNoReadRequest();
        Assert.Equal(sent[..40], client.Pending);
        client.ExpectBytes(40);
        client.ExpectNothing();

        // Acks drain the session's queue; reading resumes and every byte arrives once, in order.
        client.AckAll();
        client.AutoAck = true;
        client.ExpectReadRequest();
        client.ExpectText(sent[40..]);
        client.ExpectNothing();
    }

    [Fact]
    public void WriteRefusedForAFullQueue_Should_AbortTheConnectionOnce_RatherThanLeaveAHoleInTheStream()
    {
        var client = Start();

        client.Send("lost\n");
        var write = client.PumpUntil<Tcp.Write>();
        var full = new IOException("Dropping write because queue is full");
        client.Handler.Tell(new Tcp.CommandFailed(write).WithCause(full), client.Connection.Ref);
        client.PumpUntil<Tcp.Abort>();
        client.ExpectText("lost\n");

        client.Handler.Tell(new Tcp.CommandFailed(write).WithCause(full), client.Connection.Ref);
        client.ExpectNothing();
    }

    [Fact]
    public void WritesFailedBecauseTheConnectionIsClosing_Should_BeIgnored()
    {
        var client = Start();

        client.Send("bye\n");
        var write = client.PumpUntil<Tcp.Write>();
        client.Handler.Tell(new Tcp.CommandFailed(write).WithCause(new IOException("Dropping write because the connection is closing")), client.Connection.Ref);

        client.ExpectText("bye\n");
        client.ExpectNothing();
        Assert.False(client.Aborted);
    }
}
