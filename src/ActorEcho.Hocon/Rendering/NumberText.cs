using System.Globalization;

namespace ActorEcho.Hocon.Rendering;

/// <summary>
/// A number keeps the text it was written as (so <c>007</c> concatenates as "007"), but renders
/// as valid JSON: without leading zeros and with a digit after a bare decimal point.
/// </summary>
internal static class NumberText
{
    public static string ToJson(string text)
    {
        var sign = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var first = sign;
        while (first < text.Length - 1 && text[first] == '0' && char.IsAsciiDigit(text[first + 1]))
        {
            first++;
        }

        var result = first == sign ? text : text[..sign] + text[first..];
        var dot = result.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && (dot == result.Length - 1 || !char.IsAsciiDigit(result[dot + 1])))
        {
            result = result[..(dot + 1)] + "0" + result[(dot + 1)..];
        }

        return result;
    }

    /// <summary>
    /// Like <see cref="ToJson"/>, but a whole number written with a non-negative exponent
    /// (<c>1e3</c>, <c>2.5E2</c>) is written in digits (<c>1000</c>, <c>250</c>) when it fits a long,
    /// so readers that parse integers from the text, such as Akka's <c>GetInt</c>, read it as ours does.
    /// </summary>
    public static string ToJsonInDigits(string text)
    {
        var exponent = text.AsSpan().IndexOfAny('e', 'E');
        if (exponent >= 0
            && (exponent + 1 >= text.Length || text[exponent + 1] != '-')
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value)
            && value >= long.MinValue
            && value <= long.MaxValue)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return ToJson(text);
    }
}
