using System.Globalization;
using System.Text;

namespace ActorEcho.Load.Verification;

/// <summary>Parses and sanity-checks the two time formats of the protocol.</summary>
internal static class TimeFormats
{
    /// <summary>How far a server clock may be from ours before a reply counts as wrong.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromSeconds(5);

    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const string CtimeFormat = "ddd MMM dd HH:mm:ss yyyy";

    /// <summary>Parses the TCP <c>/time</c> reply, e.g. <c>2026-11-21T10:15:30.123Z</c>.</summary>
    public static bool TryParseIso(ReadOnlySpan<byte> line, out DateTime utc)
    {
        utc = default;
        if (line.Length != 24)
        {
            return false;
        }

        Span<char> chars = stackalloc char[24];
        if (Encoding.ASCII.GetChars(line, chars) != 24)
        {
            return false;
        }

        return DateTime.TryParseExact(chars, IsoFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
    }

    /// <summary>Parses the UDP reply in ctime form, e.g. <c>Sat Nov  1 09:05:03 2026</c> (day padded with a space).</summary>
    public static bool TryParseCtime(ReadOnlySpan<byte> text, out DateTime local)
    {
        local = default;
        if (text.Length != 24)
        {
            return false;
        }

        Span<char> chars = stackalloc char[24];
        if (Encoding.ASCII.GetChars(text, chars) != 24 || chars[9] == ' ' || chars[8] == '0')
        {
            return false;
        }

        // ctime pads the day with a space; the invariant parser wants a digit there.
        if (chars[8] == ' ')
        {
            chars[8] = '0';
        }

        return DateTime.TryParseExact(chars, CtimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
    }

    /// <summary>True when <paramref name="server"/> is within <see cref="MaxSkew"/> of <paramref name="client"/>.</summary>
    public static bool WithinSkew(DateTime server, DateTime client) => (server - client).Duration() <= MaxSkew;

    /// <summary>
    /// Local-time replies from a server in another time zone are off by whole quarter hours, up to
    /// 14 hours; anything else beyond <see cref="MaxSkew"/> is a wrong clock.
    /// </summary>
    public static bool WithinSkewAnyZone(DateTime serverLocal, DateTime clientLocal)
    {
        var diff = serverLocal - clientLocal;
        if (diff.Duration() > TimeSpan.FromHours(14) + MaxSkew)
        {
            return false;
        }

        var quarter = TimeSpan.FromMinutes(15).Ticks;
        var rest = Math.Abs(diff.Ticks % quarter);
        return Math.Min(rest, quarter - rest) <= MaxSkew.Ticks;
    }
}
