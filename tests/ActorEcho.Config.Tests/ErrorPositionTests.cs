namespace ActorEcho.Config.Tests;

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
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseString(hocon, "test.conf"));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("test.conf", error.OriginDescription);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"test.conf:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingBomb_Should_BeRejectedNotCrash()
    {
        var deep = new string('[', 100_000);
        var error = Assert.Throws<ConfigurationException>(() => Hocon.Parse("a = " + deep));
        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OriginDescription_Should_AppearInResolutionErrors()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            ConfigurationFactory.ParseString("x {\n  y = ${missing}\n}", "reference.conf of ActorEcho.IO").Resolve());
        Assert.StartsWith("reference.conf of ActorEcho.IO:2:7: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_Should_BeAConfigurationException()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.FromFile("/definitely/not/here.conf"));
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }
}
