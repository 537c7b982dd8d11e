namespace ActorEcho.Hocon.Units;

/// <summary>
/// Byte sizes as the spec writes them: single letters and <c>KiB</c>-style units are powers of
/// two (<c>512K</c> = 524288), <c>kB</c>/<c>MB</c>/<c>GB</c> are powers of ten. <c>KB</c>, which the
/// spec leaves out, is read like <c>kB</c> (1000) to stay consistent with <c>MB</c>. A bare number is bytes.
/// </summary>
internal static class ByteSizeParser
{
    public const string Expected = "a size in bytes such as 512, 64K, 16KiB, 10MB or 1G";

    private static readonly Dictionary<string, long> BytesPerUnit = BuildUnits();

    public static bool TryParse(string text, out long value)
    {
        value = 0;
        if (!UnitText.TrySplit(text, out var number, out var isInteger, out var integer, out var unit)
            || !BytesPerUnit.TryGetValue(unit, out var multiplier))
        {
            return false;
        }

        if (isInteger)
        {
            try
            {
                value = checked(integer * multiplier);
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        var bytes = number * multiplier;
        if (bytes is >= long.MaxValue or <= long.MinValue)
        {
            return false;
        }

        value = (long)bytes;
        return true;
    }

    private static Dictionary<string, long> BuildUnits()
    {
        var units = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [""] = 1,
            ["B"] = 1,
            ["b"] = 1,
            ["byte"] = 1,
            ["bytes"] = 1,
        };

        string[] decimalNames = ["kilo", "mega", "giga", "tera", "peta", "exa"];
        string[] binaryNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi"];
        string[] letters = ["k", "m", "g", "t", "p", "e"];
        long power10 = 1;
        long power2 = 1;
        for (var i = 0; i < letters.Length; i++)
        {
            power10 *= 1000;
            power2 *= 1024;
            var lower = letters[i];
            var upper = lower.ToUpperInvariant();
            units[decimalNames[i] + "byte"] = power10;
            units[decimalNames[i] + "bytes"] = power10;
            units[(i == 0 ? "k" : upper) + "B"] = power10;
            units[upper + "B"] = power10;
            units[binaryNames[i] + "byte"] = power2;
            units[binaryNames[i] + "bytes"] = power2;
            units[lower] = power2;
            units[upper] = power2;
            units[upper + "i"] = power2;
            units[upper + "iB"] = power2;
        }

        return units;
    }
}
