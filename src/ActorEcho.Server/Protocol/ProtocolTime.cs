using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ActorEcho.Server.Protocol;

/// <summary>
/// The time formats the server speaks, all culture-invariant: ISO-8601 UTC for <c>/time</c>,
/// Python's <c>time.ctime()</c> form for UDP 8888 and RFC 867 daytime, and RFC 868's 32-bit seconds.
/// </summary>
public static class ProtocolTime
{
    /// <summary>The RFC 868 epoch, 1900-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Rfc868Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The length of an RFC 868 reply: 4 bytes.</summary>
    public const int Rfc868Length = 4;

    private const long SecondsPerEra = 1L << 32;

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static readonly string[] MonthNames =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Formats an instant as ISO-8601 UTC with milliseconds: <c>2026-11-21T10:15:30.123Z</c>.</summary>
    /// <param name="instant">The instant, at any offset (it is converted to UTC; sub-millisecond digits are truncated).</param>
    /// <returns>The formatted time.</returns>
    public static string FormatIso8601(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a wall-clock time as Python's <c>time.ctime()</c> does: <c>Sat Nov 21 10:15:30 2026</c>,
    /// the day of month space-padded to two characters (<c>Sat Nov  1 09:05:03 2026</c>).
    /// </summary>
    /// <param name="localTime">
    /// The time to show, read at its own offset: pass <c>TimeProvider.GetLocalNow()</c> for the
    /// server's local time, as Python's <c>ctime()</c> shows.
    /// </param>
    /// <returns>The formatted time, 24 characters for four-digit years.</returns>
    public static string FormatCtime(DateTimeOffset localTime)
    {
        var t = localTime.DateTime;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{DayNames[(int)t.DayOfWeek]} {MonthNames[t.Month - 1]} {t.Day,2} {t.Hour:00}:{t.Minute:00}:{t.Second:00} {t.Year}");
    }

    /// <summary><see cref="FormatCtime(DateTimeOffset)"/> as ASCII bytes, with no line ending (the UDP 8888 reply).</summary>
    /// <param name="localTime">The time to show, read at its own offset.</param>
    /// <returns>The encoded time.</returns>
    public static byte[] CtimeBytes(DateTimeOffset localTime) => Encoding.ASCII.GetBytes(FormatCtime(localTime));

    /// <summary>The RFC 867 daytime reply: the <c>ctime</c> form followed by <c>\r\n</c>.</summary>
    /// <param name="localTime">The time to show, read at its own offset.</param>
    /// <returns>The encoded line, e.g. <c>Sat Nov 21 10:15:30 2026\r\n</c>.</returns>
    public static byte[] DaytimeBytes(DateTimeOffset localTime) => Encoding.ASCII.GetBytes(FormatCtime(localTime) + "\r\n");

    /// <summary>
    /// Whole seconds since <see cref="Rfc868Epoch"/>, modulo 2^32. RFC 868 has only 32 bits, so the
    /// count wraps on 2036-02-07T06:28:16Z back to 0 (the same rule NTP uses for its eras); readers
    /// must pick the era, as <see cref="DecodeRfc868(uint, DateTimeOffset)"/> does.
    /// </summary>
    /// <param name="instant">The instant (fractions of a second are dropped, rounding down).</param>
    /// <returns>The 32-bit RFC 868 value.</returns>
    public static uint Rfc868Seconds(DateTimeOffset instant)
    {
        var seconds = FloorSeconds((instant - Rfc868Epoch).Ticks);

        // Reducing modulo 2^32 is exactly the low 32 bits of the two's complement value, negative or not.
        return unchecked((uint)seconds);
    }

    /// <summary>Writes the RFC 868 value big-endian into the first 4 bytes of <paramref name="destination"/>.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="destination">At least <see cref="Rfc868Length"/> bytes.</param>
    public static void WriteRfc868(DateTimeOffset instant, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt32BigEndian(destination, Rfc868Seconds(instant));

    /// <summary>The RFC 868 reply: 4 bytes, big-endian seconds since 1900 modulo 2^32.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The 4 bytes.</returns>
    public static byte[] Rfc868Bytes(DateTimeOffset instant)
    {
        var bytes = new byte[Rfc868Length];
        WriteRfc868(instant, bytes);
        return bytes;
    }

    /// <summary>
    /// Reads an RFC 868 value back into an instant, choosing the 2^32-second era (136 years) that
    /// puts it closest to <paramref name="near"/>, usually the reader's own clock.
    /// </summary>
    /// <param name="seconds">The 32-bit value received.</param>
    /// <param name="near">An instant known to be within about 68 years of the true time.</param>
    /// <returns>The instant in UTC.</returns>
    public static DateTimeOffset DecodeRfc868(uint seconds, DateTimeOffset near)
    {
        var nearSeconds = FloorSeconds((near - Rfc868Epoch).Ticks);
        var era = Math.Round((double)(nearSeconds - seconds) / SecondsPerEra, MidpointRounding.AwayFromZero);
        var total = ((long)era * SecondsPerEra) + seconds;
        return Rfc868Epoch.AddSeconds(total);
    }

    private static long FloorSeconds(long ticks) =>
        ticks >= 0 ? ticks / TimeSpan.TicksPerSecond : ((ticks + 1) / TimeSpan.TicksPerSecond) - 1;
}
