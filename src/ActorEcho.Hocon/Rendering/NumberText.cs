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
}
