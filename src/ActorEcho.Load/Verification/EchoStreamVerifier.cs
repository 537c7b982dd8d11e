using ActorEcho.Load.Metrics;

namespace ActorEcho.Load.Verification;

/// <summary>
/// Checks an echoed byte stream against the messages sent, in order, however the stream is
/// chunked. It never holds more than one expected message, rebuilt from its sequence number.
/// </summary>
internal sealed class EchoStreamVerifier
{
    private readonly EchoPayload _payload;
    private readonly byte[] _expected;
    private long _seq;
    private int _offset;
    private bool _loaded;

    public EchoStreamVerifier(EchoPayload payload)
    {
        _payload = payload;
        _expected = new byte[payload.Length];
    }

    /// <summary>Messages fully echoed so far.</summary>
    public long Completed => _seq;

    /// <summary>
    /// Consumes received bytes. <paramref name="sentCount"/> is how many messages have been sent;
    /// bytes beyond them are <see cref="ErrorKind.Unexpected"/>. Returns null while all bytes
    /// match, and the messages finished by this chunk in <paramref name="completed"/>.
    /// </summary>
    public ErrorKind? Consume(ReadOnlySpan<byte> data, long sentCount, out int completed)
    {
        completed = 0;
        while (!data.IsEmpty)
        {
            if (_seq >= sentCount)
            {
                return ErrorKind.Unexpected;
            }

            if (!_loaded)
            {
                _payload.Write(_seq, _expected);
                _loaded = true;
            }

            var n = Math.Min(data.Length, _expected.Length - _offset);
            if (!data[..n].SequenceEqual(_expected.AsSpan(_offset, n)))
            {
                return ErrorKind.Mismatch;
            }

            _offset += n;
            data = data[n..];
            if (_offset == _expected.Length)
            {
                _seq++;
                _offset = 0;
                _loaded = false;
                completed++;
            }
        }

        return null;
    }
}
