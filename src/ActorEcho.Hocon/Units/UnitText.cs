using System.Globalization;

namespace ActorEcho.Hocon.Units;

/// <summary>
/// Splits "number, optional whitespace, optional unit" as the spec's units format says: the
/// unit is the run of letters at the end, so an exponent such as <c>1e3</c> stays in the number.
/// </summary>
internal static class UnitText
{
    public static bool TrySplit(string text, out double number, out bool isInteger, out long integer, out string unit)
    {
        var span = text.AsSpan().Trim();
        var unitStart = span.Length;
        while (unitStart > 0 && char.IsLetter(span[unitStart - 1]))
        {
            unitStart--;
        }

        unit = span[unitStart..].ToString();
        var numberText = span[..unitStart].TrimEnd();
        number = 0;
        integer = 0;
        isInteger = false;
        if (numberText.IsEmpty)
        {
            return false;
        }

        if (long.TryParse(numberText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer))
        {
            isInteger = true;
            number = integer;
            return true;
        }

        return double.TryParse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }
}
