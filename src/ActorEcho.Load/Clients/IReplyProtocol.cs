using ActorEcho.Load.Metrics;

namespace ActorEcho.Load.Clients;

/// <summary>
/// The request/reply shape one <see cref="TcpRequestReplyClient"/> speaks: how to write request
/// <c>seq</c> and how to verify what comes back, in order, across arbitrary chunking.
/// </summary>
internal interface IReplyProtocol
{
    int MaxRequestLength { get; }

    int WriteRequest(long seq, Span<byte> destination);

    /// <summary>
    /// Verifies received bytes given how many requests have been sent; returns null when fine and
    /// the replies completed by this chunk in <paramref name="completed"/>.
    /// </summary>
    ErrorKind? Consume(ReadOnlySpan<byte> data, long sentCount, out int completed);
}
