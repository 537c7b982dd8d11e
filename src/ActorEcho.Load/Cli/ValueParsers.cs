using System.Globalization;

namespace ActorEcho.Load.Cli;

/// <summary>Parses the human forms of durations (<c>10s</c>, <c>250ms</c>, <c>2m</c>) and sizes (<c>32</c>, <c>4KiB</c>).</summary>
internal static class ValueParsers
{
    /// <summary>A number with unit ms, s, m or h; a bare number means seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var t = text.Trim().ToUpperInvariant();
        double scale;
        if (t.EndsWith("MS", StringComparison.Ordinal))
        {
            scale = 0.001;
            t = t[..^2];
        }
        else if (t.EndsWith('S'))
        {
            scale = 1;
            t = t[..^1];
        }
        else if (t.EndsWith('M'))
        {
            scale = 60;
            t = t[..^1];
        }
        else if (t.EndsWith('H'))
        {
            scale = 3600;
            t = t[..^1];
        }
        else
        {
            scale = 1;
        }

        if (!double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || double.IsInfinity(n))
        {
            return false;
        }

        var seconds = n * scale;
        if (seconds > TimeSpan.FromDays(1).TotalSeconds)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>Bytes, optionally with K/KB/KiB (1024) or M/MB/MiB (1024*1024).</summary>
    public static bool TryParseSize(string text, out int value)
    {
        value = 0;
        var t = text.Trim().ToUpperInvariant();
        long scale = 1;
        foreach (var (suffix, s) in new[] { ("KIB", 1024L), ("KB", 1024L), ("K", 1024L), ("MIB", 1048576L), ("MB", 1048576L), ("M", 1048576L), ("B", 1L) })
        {
            if (t.EndsWith(suffix, StringComparison.Ordinal))
            {
                scale = s;
                t = t[..^suffix.Length];
                break;
            }
        }

        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > int.MaxValue / scale)
        {
            return false;
        }

        value = (int)(n * scale);
        return true;
    }
}
