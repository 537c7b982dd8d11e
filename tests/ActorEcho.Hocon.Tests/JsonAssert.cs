using System.Globalization;
using System.Text.Json;

namespace ActorEcho.Hocon.Tests;

/// <summary>Compares JSON documents by structure: key order ignored, numbers compared by value.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var difference = Compare(e.RootElement, a.RootElement, "$");
        Assert.True(difference is null, $"{difference}\nexpected: {expected}\nactual:   {actual}");
    }

    private static string? Compare(JsonElement e, JsonElement a, string where)
    {
        if (e.ValueKind != a.ValueKind)
        {
            return $"{where}: expected {e.ValueKind} {e}, got {a.ValueKind} {a}";
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var eProps = e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var aProps = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                foreach (var key in eProps.Keys.Union(aProps.Keys))
                {
                    if (!eProps.TryGetValue(key, out var ev))
                    {
                        return $"{where}: unexpected key '{key}'";
                    }

                    if (!aProps.TryGetValue(key, out var av))
                    {
                        return $"{where}: missing key '{key}'";
                    }

                    if (Compare(ev, av, where + "." + key) is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var eItems = e.EnumerateArray().ToList();
                var aItems = a.EnumerateArray().ToList();
                if (eItems.Count != aItems.Count)
                {
                    return $"{where}: expected {eItems.Count} elements, got {aItems.Count}";
                }

                for (var i = 0; i < eItems.Count; i++)
                {
                    if (Compare(eItems[i], aItems[i], $"{where}[{i}]") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.Number:
                var en = double.Parse(e.GetRawText(), CultureInfo.InvariantCulture);
                var an = double.Parse(a.GetRawText(), CultureInfo.InvariantCulture);
                return en.Equals(an) ? null : $"{where}: expected {e.GetRawText()}, got {a.GetRawText()}";
            case JsonValueKind.String:
                return e.GetString() == a.GetString() ? null : $"{where}: expected \"{e.GetString()}\", got \"{a.GetString()}\"";
            default:
                return null;
        }
    }
}
