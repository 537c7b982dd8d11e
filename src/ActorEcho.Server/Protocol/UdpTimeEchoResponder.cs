namespace ActorEcho.Server.Protocol;

/// <summary>
/// The logic of UDP port 8888: a datagram whose text is <c>time</c> (surrounding whitespace ignored,
/// any case) is answered with the local time in <c>ctime</c> form; any other datagram, empty and
/// binary ones included, is echoed unchanged.
/// </summary>
public static class UdpTimeEchoResponder
{
    /// <summary>Computes the reply to one datagram.</summary>
    /// <param name="datagram">The datagram's payload.</param>
    /// <param name="localNow">The server's local time, e.g. <c>TimeProvider.GetLocalNow()</c>.</param>
    /// <returns>
    /// The ctime text without a newline (e.g. <c>Sat Nov 21 10:15:30 2026</c>), or
    /// <paramref name="datagram"/> itself (the same memory, not a copy) for an echo.
    /// </returns>
    public static ReadOnlyMemory<byte> Reply(ReadOnlyMemory<byte> datagram, DateTimeOffset localNow) =>
        IsTimeRequest(datagram.Span) ? ProtocolTime.CtimeBytes(localNow) : datagram;

    /// <summary>Whether a datagram asks for the time: <c>time</c> in any case, ignoring ASCII whitespace around it.</summary>
    /// <param name="datagram">The datagram's payload.</param>
    /// <returns><see langword="true"/> for a time request.</returns>
    public static bool IsTimeRequest(ReadOnlySpan<byte> datagram)
    {
        var text = datagram.Trim(" \t\r\n\v\f"u8);
        return text.Length == 4
            && (text[0] | 0x20) == 't'
            && (text[1] | 0x20) == 'i'
            && (text[2] | 0x20) == 'm'
            && (text[3] | 0x20) == 'e';
    }
}
