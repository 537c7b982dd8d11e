using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorEcho.Host.Tests.Support;

/// <summary>Python's <c>time.ctime()</c> form: <c>Sat Nov  1 09:05:03 2026</c> (day space-padded).</summary>
internal static partial class Ctime
{
    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( [1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d \d{4}$")]
    public static partial Regex Pattern();

    /// <summary>Asserts the form and that it is the local time now (within a generous bound).</summary>
    public static void AssertNow(string text)
    {
        Assert.Matches(Pattern(), text);
        var parsed = DateTime.ParseExact(text.Replace("  ", " ", StringComparison.Ordinal), "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture);
        Assert.InRange((DateTime.Now - parsed).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }
}
