using ActorEcho.Load.Metrics;
using ActorEcho.Load.Verification;

namespace ActorEcho.Load.Tests.Verification;

public class EchoStreamVerifierTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(32)]
    [InlineData(4096)]
    public void Consume_Should_AcceptTheEchoInAnyChunking(int payload)
    {
        var stream = Stream(clientId: 3, payload, count: 50);
        var rng = new Random(payload);
        var verifier = new EchoStreamVerifier(new EchoPayload(3, payload));
        var offset = 0;
        var total = 0;
        while (offset < stream.Length)
        {
            var size = Math.Min(stream.Length - offset, rng.Next(1, 3 * payload));
            Assert.Null(verifier.Consume(stream.AsSpan(offset, size), 50, out var completed));
            total += completed;
            offset += size;
        }

        Assert.Equal(50, total);
        Assert.Equal(50, verifier.Completed);
    }

    [Fact]
    public void Consume_Should_AcceptOneByteAtATime()
    {
        var stream = Stream(0, 32, 5);
        var verifier = new EchoStreamVerifier(new EchoPayload(0, 32));
        var total = 0;
        foreach (var b in stream)
        {
            Assert.Null(verifier.Consume([b], 5, out var completed));
            total += completed;
        }

        Assert.Equal(5, total);
    }

    [Fact]
    public void Consume_Should_ReportAFlippedByteAsMismatch()
    {
        var stream = Stream(1, 32, 10);
        stream[5 * 32 + 7] ^= 0x01;
        var verifier = new EchoStreamVerifier(new EchoPayload(1, 32));
        Assert.Null(verifier.Consume(stream.AsSpan(0, 5 * 32), 10, out _));
        Assert.Equal(ErrorKind.Mismatch, verifier.Consume(stream.AsSpan(5 * 32), 10, out _));
    }

    [Fact]
    public void Consume_Should_ReportAnotherClientsBytesAsMismatch()
    {
        var verifier = new EchoStreamVerifier(new EchoPayload(1, 64));
        Assert.Equal(ErrorKind.Mismatch, verifier.Consume(Stream(2, 64, 1), 1, out _));
    }

    [Fact]
    public void Consume_Should_ReportBytesBeyondWhatWasSentAsUnexpected()
    {
        var stream = Stream(0, 16, 3);
        var verifier = new EchoStreamVerifier(new EchoPayload(0, 16));
        Assert.Equal(ErrorKind.Unexpected, verifier.Consume(stream, 2, out var completed));
        Assert.Equal(2, completed);
    }

    [Fact]
    public void Payload_Should_BeAPlainLine()
    {
        var p = new EchoPayload(5, 40);
        var buffer = new byte[40];
        for (var seq = 0; seq < 100; seq++)
        {
            p.Write(seq, buffer);
            Assert.NotEqual((byte)'/', buffer[0]);
            Assert.Equal((byte)'\n', buffer[^1]);
            Assert.Equal(1, buffer.Count(b => b == '\n'));
        }
    }

    private static byte[] Stream(int clientId, int payload, int count)
    {
        var p = new EchoPayload(clientId, payload);
        var bytes = new byte[payload * count];
        for (var i = 0; i < count; i++)
        {
            p.Write(i, bytes.AsSpan(i * payload));
        }

        return bytes;
    }
}
