using ActorEcho.Hocon.Tests.Differential;

namespace ActorEcho.Hocon.Tests;

/// <summary>ToString renders HOCON that parses back to the same tree; ToJson keeps JSON types.</summary>
public sealed class RenderingTests
{
    public static TheoryData<string> AcceptedCorpus()
    {
        var data = new TheoryData<string>();
        foreach (var document in DifferentialCorpus.All)
        {
            if (document.ExtraFiles.Count == 0 && document.Environment.Count == 0 && !document.Name.EndsWith("-rejected", StringComparison.Ordinal))
            {
                data.Add(document.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AcceptedCorpus))]
    public void ToString_Should_RoundTripTheResolvedTree(string name)
    {
        var original = Hocon.Parse(DifferentialCorpus.All.Single(d => d.Name == name).Text);
        var rendered = original.ToString();
        var reparsed = Hocon.Parse(rendered);
        Assert.Equal(original.ToJson(), reparsed.ToJson());
    }

    [Fact]
    public void ToString_Should_QuoteAwkwardKeysAndStrings()
    {
        var original = Hocon.Parse("""
            "a.b" = 1
            "" = "x"
            "include" = "${not.a.substitution}"
            "sp ace" { "q\"uote" = "line\nbreak\ttab", n = "10", t = "true", z = "null" }
            list = [{ a = 1 }, [2, "3"], null]
            """);
        var rendered = original.ToString();
        Assert.Equal(original.ToJson(), Hocon.Parse(rendered).ToJson());
        Assert.Contains("\"a.b\" = 1", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Should_KeepNumbersBooleansAndUnitStrings() => JsonAssert.Equivalent(
        """{"n":1.5,"b":true,"d":"10s","s":"512K","z":null}""",
        Hocon.Parse("n = 1.5\nb = true\nd = 10s\ns = 512K\nz = null").ToJson());

    [Fact]
    public void ToJson_Should_BeParsableJsonWithEscapes()
    {
        var json = Hocon.Parse("a = \"\\u0001\\\"\\\\\u2028\"").ToJson(indented: false);
        Assert.Equal("{\"a\":\"\\u0001\\\"\\\\\\u2028\"}", json);
        using var _ = System.Text.Json.JsonDocument.Parse(json);
    }
}
