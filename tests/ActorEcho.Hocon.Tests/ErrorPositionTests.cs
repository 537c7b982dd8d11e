namespace ActorEcho.Hocon.Tests;

/// <summary>Syntax errors name the origin, line and column, and say what was expected.</summary>
public sealed class ErrorPositionTests
{
    [Theory]
    [InlineData("a = 1\nb {\n  c { d = 1 }\n", 4, 1, "expected '}' to close the object opened at 2:3")]
    [InlineData("a = 1\n  list = [1,\n 2", 3, 3, "expected ']' to close the array opened at 2:10")]
    [InlineData("a = \"abc", 1, 5, "unterminated quoted string")]
    [InlineData("a = \"x\ny\"", 1, 5, "quoted string not closed before the end of the line")]
    [InlineData("a = \"\\q\"", 1, 6, "invalid escape '\\q'")]
    [InlineData("a = \"\\u12\"", 1, 6, "\\u must be followed by four hex digits")]
    [InlineData("a = \"\"\"abc", 1, 5, "unterminated triple-quoted string")]
    [InlineData("a = ${b", 1, 5, "substitution not closed")]
    [InlineData("a = ${}", 1, 5, "invalid substitution path")]
    [InlineData("x {\n  a = \n}", 3, 1, "expected a value, got '}'")]
    [InlineData("a b c", 1, 6, "expected a key followed by ':', '=' or '{', got end of input")]
    [InlineData("a = 1 }", 1, 7, "unbalanced '}'")]
    [InlineData("a = [1,,2]", 1, 8, "unexpected ','")]
    [InlineData("a = 1 b = 2", 1, 9, "unexpected '=' in a value")]
    [InlineData("[1]", 1, 1, "the root of a configuration document must be an object")]
    [InlineData("{ a = 1 } b", 1, 11, "expected the end of the document")]
    [InlineData("a..b = 1", 1, 1, "empty path element")]
    [InlineData("a = x!", 1, 6, "reserved character '!'")]
    [InlineData("${x} = 1", 1, 1, "substitutions are not allowed in keys")]
    public void SyntaxError_Should_ReportPositionAndExpectation(string hocon, int line, int column, string message)
    {
        var error = Assert.Throws<HoconException>(() => HoconReader.ParseString(hocon, "test.conf"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("test.conf", error.OriginDescription);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"test.conf:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingBomb_Should_BeRejectedNotCrash()
    {
        var deep = new string('[', 100_000);
        var error = Assert.Throws<HoconException>(() => Hocon.Parse("a = " + deep));
        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LongDottedKey_Should_BeRejectedNotCrash()
    {
        var key = string.Join('.', Enumerable.Repeat("k", 100_000));
        var error = Assert.Throws<HoconException>(() => Hocon.Parse(key + " = 1"));
        Assert.Contains("more than 256 levels deep", error.Message, StringComparison.Ordinal);
        Assert.Throws<HoconException>(() => Hocon.Parse(new string('{', 200) + " a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a1.a2.a3.a4.a5.a6.a7.a8.a9.b1.b2.b3.b4.b5.b6.b7.b8.b9.c1.c2.c3.c4.c5.c6.c7.c8.c9 = 1"));
    }

    [Fact]
    public void ExplodingSubstitutions_Should_StopWithAnError()
    {
        var text = "a = x\n" + string.Concat(Enumerable.Repeat("a = ${a}${a}\n", 40));
        var error = Assert.Throws<HoconException>(() => Hocon.Parse(text).Resolve());
        Assert.Contains("steps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepSubstitutionChain_Should_StopWithAnError()
    {
        var text = string.Concat(Enumerable.Repeat("a = [${?a}]\n", 2000));
        var error = Assert.Throws<HoconException>(() => Hocon.Parse(text).Resolve());
        Assert.Contains("levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OriginDescription_Should_AppearInResolutionErrors()
    {
        var error = Assert.Throws<HoconException>(() =>
            HoconReader.ParseString("x {\n  y = ${missing}\n}", "reference.conf of ActorEcho.IO").Resolve());
        Assert.StartsWith("reference.conf of ActorEcho.IO:2:7: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_Should_BeAHoconException()
    {
        var error = Assert.Throws<HoconException>(() => HoconReader.FromFile("/definitely/not/here.conf"));
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }
}
