namespace ActorEcho.Load.Verification;

/// <summary>
/// Deterministic echo messages: message <c>seq</c> of client <c>id</c> can be rebuilt by the
/// verifier instead of being stored. A message starts with a digit (never <c>/</c>, so the
/// session protocol treats it as a plain line, and never a UDP <c>time</c> query) and ends with
/// <c>\n</c>; the middle is a slice of a repeating alphanumeric pattern whose start depends on
/// client and sequence, so crossed or stale replies do not match.
/// </summary>
internal sealed class EchoPayload
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly byte[] _pattern;
    private readonly int _clientId;

    public EchoPayload(int clientId, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        _clientId = clientId;
        Length = length;
        _pattern = new byte[Alphabet.Length + length];
        for (var i = 0; i < _pattern.Length; i++)
        {
            _pattern[i] = (byte)Alphabet[i % Alphabet.Length];
        }
    }

    public int Length { get; }

    /// <summary>Writes message <paramref name="seq"/> into the first <see cref="Length"/> bytes of <paramref name="destination"/>.</summary>
    public void Write(long seq, Span<byte> destination)
    {
        var d = destination[..Length];
        d[^1] = (byte)'\n';
        if (Length == 1)
        {
            return;
        }

        var start = (int)((((long)_clientId * 7) + (seq * 13)) % Alphabet.Length);
        _pattern.AsSpan(start, Length - 2).CopyTo(d[1..]);
        d[0] = (byte)('0' + (int)(seq % 10));
    }
}
