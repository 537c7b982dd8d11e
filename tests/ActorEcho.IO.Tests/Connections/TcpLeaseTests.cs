using System.Net.Sockets;
using ActorEcho.IO.Tests.Support;
using ActorEcho.TestKit;
using Xunit.Abstractions;

namespace ActorEcho.IO.Tests.Connections;

/// <summary>
/// Receive buffer leases (<see cref="Tcp.Register.LeaseReceiveBuffers"/>): a buffer is reused only
/// after the handler returned it and no queued write of it is left; until then its bytes stay put.
/// </summary>
public sealed class TcpLeaseTests(ITestOutputHelper output) : IOTestBase(output)
{
    [Fact]
    public void LeasedBuffers_Should_NeverBeReused_While_TheHandlerHoldsThem()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler) = AcceptAndRegisterLeasing();
        SettleLeasesAtMinimum(client, connection, handler);

        // One read per send (each waits for its Received), all in the same size class.
        const int reads = 20;
        var held = new List<ByteString>();
        for (var i = 0; i < reads; i++)
        {
            client.Send(Pattern((byte)i, 100));
            held.Add(handler.ExpectMsg<Tcp.Received>(Patience).Data);
        }

        for (var i = 0; i < reads; i++)
        {
            Assert.Equal(Pattern((byte)i, 100), held[i].ToArray());
            for (var j = 0; j < i; j++)
            {
                Assert.False(ReferenceEquals(held[i].Segments[0].Array, held[j].Segments[0].Array), $"reads {j} and {i} share a buffer the handler still holds");
            }
        }

        connection.Tell(Tcp.Abort.Instance, handler.Ref);
        handler.ExpectMsg<Tcp.Aborted>(Patience);
        Unbind(listener);
        AwaitOpenSockets(0);
    }

    [Fact]
    public void ReturnedBuffer_Should_BeReusedForALaterRead()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler) = AcceptAndRegisterLeasing();
        SettleLeasesAtMinimum(client, connection, handler);

        client.Send(Pattern(1, 100));
        var first = handler.ExpectMsg<Tcp.Received>(Patience).Data;
        connection.Tell(new Tcp.ReturnBuffer(first), handler.Ref);

        // Commands from one sender are handled in order: once this is answered, the return is done.
        connection.Tell(Tcp.ResumeWriting.Instance, handler.Ref);
        handler.ExpectMsg<Tcp.WritingResumed>(Patience);

        client.Send(Pattern(2, 100));
        var second = handler.ExpectMsg<Tcp.Received>(Patience).Data;
        Assert.Equal(Pattern(2, 100), second.ToArray());
        Assert.Same(first.Segments[0].Array, second.Segments[0].Array);
        Unbind(listener);
    }

    [Fact]
    public void ReturnedBuffer_Should_WaitForQueuedWritesOfIt_BeforeReuse()
    {
        var (listener, client, connection, handler) = ConnectLeasingWithSmallOsBuffers();
        using var disposeClient = client;

        client.Send(Pattern(0xA, 100));
        var echoed = handler.ExpectMsg<Tcp.Received>(Patience).Data;

        // The client does not read, so the filler's send stays in flight and the echo queues behind it.
        const int filler = 8 * 1024 * 1024;
        connection.Tell(Tcp.Write.Create(ByteString.FromOwnedArray(new byte[filler])), handler.Ref);
        connection.Tell(Tcp.Write.Create(echoed, "echo sent"), handler.Ref);
        connection.Tell(new Tcp.ReturnBuffer(echoed), handler.Ref);

        // Commands from one sender are handled in order: once this refusal arrives, the return is done.
        connection.Tell(new Tcp.ReturnBuffer(Text("not lent")), handler.Ref);
        handler.ExpectMsg<Tcp.CommandFailed>(Patience);

        // A later read of the same size must not get the returned buffer while the echo still waits.
        client.Send(Pattern(0xB, 100));
        var later = handler.ExpectMsg<Tcp.Received>(Patience).Data;
        Assert.False(ReferenceEquals(echoed.Segments[0].Array, later.Segments[0].Array), "a buffer was reused while a queued write still referred to it");

        var all = ReadExactly(client, filler + 100);
        Assert.Equal(Pattern(0xA, 100), all.AsSpan(filler).ToArray());
        handler.ExpectMsg("echo sent", Patience);
        Unbind(listener);
    }

    [Fact]
    public void ReturnedBuffer_Should_BeFreed_When_ItsOwnWriteIsSent_EvenWithLaterWritesQueued()
    {
        var (listener, client, connection, handler) = ConnectLeasingWithSmallOsBuffers();
        using var disposeClient = client;

        client.Send(Pattern(0xA, 100));
        var echoed = handler.ExpectMsg<Tcp.Received>(Patience).Data;

        // Sends: the first filler alone (in flight while the client does not read), then the echo and
        // the 1 MiB pad gathered into one send, then the tail, which stalls once the client stops reading.
        const int filler = 4 * 1024 * 1024;
        const int pad = 1024 * 1024;
        connection.Tell(Tcp.Write.Create(ByteString.FromOwnedArray(new byte[filler])), handler.Ref);
        connection.Tell(Tcp.Write.Create(echoed), handler.Ref);
        connection.Tell(Tcp.Write.Create(ByteString.FromOwnedArray(new byte[pad]), "pad sent"), handler.Ref);
        connection.Tell(Tcp.Write.Create(ByteString.FromOwnedArray(new byte[filler])), handler.Ref);
        connection.Tell(new Tcp.ReturnBuffer(echoed), handler.Ref);

        var upToPad = ReadExactly(client, filler + 100 + pad);
        Assert.Equal(Pattern(0xA, 100), upToPad.AsSpan(filler, 100).ToArray());
        handler.ExpectMsg("pad sent", Patience);

        // The echo is with the OS and the tail still queued: the returned buffer is free again.
        client.Send(Pattern(0xB, 100));
        var later = handler.ExpectMsg<Tcp.Received>(Patience).Data;
        Assert.Same(echoed.Segments[0].Array, later.Segments[0].Array);
        Unbind(listener);
    }

    [Fact]
    public void ReturnBuffer_Should_BeRefused_For_DataNotLentOrAlreadyReturned()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler) = AcceptAndRegisterLeasing();

        var foreign = new Tcp.ReturnBuffer(Text("never lent"));
        connection.Tell(foreign, handler.Ref);
        Assert.Same(foreign, handler.ExpectMsg<Tcp.CommandFailed>(Patience).Cmd);

        client.Send(Pattern(3, 10));
        var data = handler.ExpectMsg<Tcp.Received>(Patience).Data;
        connection.Tell(new Tcp.ReturnBuffer(data.Slice(2, 5)), handler.Ref);
        var twice = new Tcp.ReturnBuffer(data);
        connection.Tell(twice, handler.Ref);
        var failed = handler.ExpectMsg<Tcp.CommandFailed>(Patience);
        Assert.Same(twice, failed.Cmd);
        Assert.Contains("already returned", failed.Cause!.Message, StringComparison.Ordinal);
        Unbind(listener);
    }

    [Fact]
    public void LeasedReads_Should_NotSplitAMessage_That_FollowsAFullRead()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler) = AcceptAndRegisterLeasing();

        // 4 KiB fills its lease exactly, so the next read starts before the next message is there;
        // it must still take that message whole rather than a minimum-size piece of it.
        for (var i = 0; i < 5; i++)
        {
            client.Send(Pattern((byte)i, 4096));
            var data = handler.ExpectMsg<Tcp.Received>(Patience).Data;
            Assert.Equal(4096, data.Count);
            connection.Tell(new Tcp.ReturnBuffer(data), handler.Ref);
        }

        Unbind(listener);
    }

    [Fact]
    public void LeasedReads_Should_ShrinkTheirLeases_For_SmallMessages()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler) = AcceptAndRegisterLeasing();

        // The first lease has room for a typical request; small reads halve it down to the minimum,
        // so a handler holding many small messages does not hold 4 KiB for each.
        var sizes = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            client.Send(Pattern((byte)i, 100));
            var data = handler.ExpectMsg<Tcp.Received>(Patience).Data;
            Assert.Equal(Pattern((byte)i, 100), data.ToArray());
            sizes.Add(data.Segments[0].Array!.Length);
            connection.Tell(new Tcp.ReturnBuffer(data), handler.Ref);
        }

        Assert.Equal([4096, 2048, 1024, 1024, 1024], sizes);
        Unbind(listener);
    }

    [Fact]
    public async Task LeasedReads_Should_GrowTheirLeases_While_ReadsFillThem()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler) = AcceptAndRegisterLeasing();

        // Sent in one go, 1 MiB fills lease after lease, and each full one doubles the next: far fewer
        // reads than the 256 that 4 KiB leases would take, ending at the receive chunk size.
        const int total = 1024 * 1024;
        var payload = new byte[total];
        new Random(11).NextBytes(payload);
        var sender = client.SendAsync(payload, SocketFlags.None);
        using var all = new MemoryStream();
        var reads = 0;
        var largest = 0;
        while (all.Length < total && reads < 256)
        {
            var data = handler.ExpectMsg<Tcp.Received>(Patience).Data;
            all.Write(data.ToArray());
            reads++;
            largest = Math.Max(largest, data.Segments[0].Array!.Length);
            connection.Tell(new Tcp.ReturnBuffer(data), handler.Ref);
        }

        Assert.Equal(total, await sender.WaitAsync(Patience));
        Assert.Equal(total, all.Length);
        Assert.Equal(payload, all.ToArray());
        Assert.True(reads < 256, $"{reads} reads for 1 MiB: leases did not grow past 4 KiB");
        Assert.Equal(TcpSettings.Default.ReceiveChunkSize, largest);
        Unbind(listener);
    }

    [Fact]
    public async Task LeasedReads_Should_DeliverEveryByteInOrder()
    {
        var (listener, endPoint) = Bind(TestActor);
        using var client = ConnectRaw(endPoint);
        var (connection, handler) = AcceptAndRegisterLeasing();

        // Larger than one chunk, so reads fill whole buffers and follow each other without waiting.
        var payload = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(payload);
        var sender = client.SendAsync(payload, SocketFlags.None);
        using var all = new MemoryStream();
        while (all.Length < payload.Length)
        {
            var data = handler.ExpectMsg<Tcp.Received>(Patience).Data;
            all.Write(data.ToArray());
            connection.Tell(new Tcp.ReturnBuffer(data), handler.Ref);
        }

        Assert.Equal(payload.Length, await sender.WaitAsync(Patience));
        Assert.Equal(payload, all.ToArray());
        Unbind(listener);
    }

    private (IActorRef Connection, TestProbe Handler) AcceptAndRegisterLeasing()
    {
        ExpectMsg<Tcp.Connected>(Patience);
        var connection = LastSender;
        var handler = CreateTestProbe();
        connection.Tell(new Tcp.Register(handler.Ref, LeaseReceiveBuffers: true), handler.Ref);
        return (connection, handler);
    }

    /// <summary>
    /// A settled leasing connection whose OS buffers are small (16 KiB each way) and whose pending-write
    /// bound is high: while the client does not read, megabytes of writes stay queued on the connection.
    /// </summary>
    private (IActorRef Listener, Socket Client, IActorRef Connection, TestProbe Handler) ConnectLeasingWithSmallOsBuffers()
    {
        var settings = TcpSettings.Default with { SendBufferSize = 16 * 1024, MaxPendingWriteBytes = 64 * 1024 * 1024 };
        var (listener, endPoint) = Bind(TestActor, settings);
        var client = ConnectRaw(endPoint);
        client.ReceiveBufferSize = 16 * 1024;
        var (connection, handler) = AcceptAndRegisterLeasing();
        SettleLeasesAtMinimum(client, connection, handler);
        return (listener, client, connection, handler);
    }

    /// <summary>
    /// Small reads shrink the lease by half per read (4, 2, then 1 KiB); after these three the size
    /// class of 100-byte reads no longer changes, so reuse between them is up to the pool alone.
    /// </summary>
    private static void SettleLeasesAtMinimum(Socket client, IActorRef connection, TestProbe handler)
    {
        for (var i = 0; i < 3; i++)
        {
            client.Send(Pattern(0xEE, 10));
            var data = handler.ExpectMsg<Tcp.Received>(Patience).Data;
            connection.Tell(new Tcp.ReturnBuffer(data), handler.Ref);
        }
    }

    private static byte[] Pattern(byte value, int length) => Enumerable.Repeat(value, length).ToArray();
}
