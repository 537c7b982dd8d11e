using ActorEcho.Load.Metrics;
using ActorEcho.Load.Verification;

namespace ActorEcho.Load.Clients;

/// <summary>Echo requests: deterministic plain lines that must come back byte for byte.</summary>
internal sealed class EchoProtocol : IReplyProtocol
{
    private readonly EchoPayload _payload;
    private readonly EchoStreamVerifier _verifier;

    public EchoProtocol(int clientId, int payload)
    {
        _payload = new EchoPayload(clientId, payload);
        _verifier = new EchoStreamVerifier(_payload);
    }

    public int MaxRequestLength => _payload.Length;

    public int WriteRequest(long seq, Span<byte> destination)
    {
        _payload.Write(seq, destination);
        return _payload.Length;
    }

    public ErrorKind? Consume(ReadOnlySpan<byte> data, long sentCount, out int completed) =>
        _verifier.Consume(data, sentCount, out completed);
}
