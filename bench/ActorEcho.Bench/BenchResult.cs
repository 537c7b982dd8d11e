using System.Globalization;

namespace ActorEcho.Bench;

/// <summary>Prints the one machine-readable line every benchmark case ends with.</summary>
internal static class BenchResult
{
    /// <summary>
    /// Writes <c>RESULT case=NAME ours=X baseline=Y unit=U ratio=R</c>. The ratio is ours/baseline
    /// for "more is better" units and baseline/ours when <paramref name="lowerIsBetter"/>, so a
    /// ratio above 1 always means ActorEcho did better.
    /// </summary>
    public static void Print(string caseName, double ours, double? baseline, string unit, bool lowerIsBetter = false)
    {
        var inv = CultureInfo.InvariantCulture;
        var line = $"RESULT case={caseName} ours={ours.ToString("0.###", inv)}";
        if (baseline is { } b)
        {
            var ratio = lowerIsBetter ? b / ours : ours / b;
            line += $" baseline={b.ToString("0.###", inv)} unit={unit} ratio={ratio.ToString("0.###", inv)}";
        }
        else
        {
            line += $" unit={unit}";
        }

        Console.WriteLine(line);
    }
}
