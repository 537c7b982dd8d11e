using System.Globalization;

namespace ActorEcho.TestKit.Tests;

/// <summary>Durations as the TestKit prints them, so assertions hold under any time factor.</summary>
internal static class Durations
{
    public static string Ms(TimeSpan duration) => duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
