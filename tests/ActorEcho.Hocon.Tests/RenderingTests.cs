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
    public void ToJson_Should_WriteWholeNumbersWithAnExponentInDigits()
    {
        // Readers that parse integers from the text (Akka's GetInt) then read them; ToString keeps the text.
        var config = Hocon.Parse("a = 1e3\nb = 2.5E2\nc = -1E+2\nd = 2.5e-2\ne = 1e20\nf = 7\ng = 1.5");
        Assert.Equal("""{"a":1000,"b":250,"c":-100,"d":2.5e-2,"e":1e20,"f":7,"g":1.5}""", config.ToJson(indented: false));
        Assert.Contains("a = 1e3", config.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_Should_BeParsableJsonWithEscapes()
    {
        var json = Hocon.Parse("a = \"\\u0001\\\"\\\\\u2028\"").ToJson(indented: false);
        Assert.Equal("{\"a\":\"\\u0001\\\"\\\\\\u2028\"}", json);
        using var _ = System.Text.Json.JsonDocument.Parse(json);
    }
}
