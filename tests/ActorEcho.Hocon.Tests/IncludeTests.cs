namespace ActorEcho.Hocon.Tests;

public sealed class IncludeTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hocon-include-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void Include_Should_MergeTheFileWhereTheStatementIs()
    {
        Write("inc.conf", "a { x = 1 }\nb = included");
        var config = Load("main.conf", "b = before\ninclude \"inc.conf\"\na.y = 2");
        JsonAssert.Equivalent("""{"a":{"x":1,"y":2},"b":"included"}""", config.ToJson());
    }

    [Fact]
    public void IncludeFile_Should_BeRelativeToTheIncludingFile()
    {
        Write("conf/sub/leaf.conf", "leaf = 1");
        Write("conf/mid.conf", "include file(\"sub/leaf.conf\")\nmid = 2");
        var config = Load("main.conf", "include required(file(\"conf/mid.conf\"))");
        JsonAssert.Equivalent("""{"leaf":1,"mid":2}""", config.ToJson());
    }

    [Fact]
    public void IncludeNameOnALaterLine_Should_StillBeIncluded()
    {
        // Newlines and comments may separate `include` from its name, and sit inside the parentheses.
        Write("one.conf", "one = 1");
        Write("two.conf", "two = 2");
        var config = Load("main.conf", """
            include
              "one.conf"
            a {
              include
                # the name follows

                required(
                  file(
                    "two.conf"
                  )
                )
            }
            b = 3
            """);
        JsonAssert.Equivalent("""{"one":1,"a":{"two":2},"b":3}""", config.ToJson());
    }

    [Fact]
    public void MissingInclude_Should_BeIgnored() =>
        Assert.Equal(1, Load("main.conf", "include \"nope.conf\"\ninclude file(\"nope2.conf\")\na = 1").GetInt("a"));

    [Fact]
    public void MissingRequiredInclude_Should_FailWithThePosition()
    {
        var error = Assert.Throws<HoconException>(() => Load("main.conf", "a = 1\ninclude required(\"nope.conf\")"));
        Assert.Contains("required include 'nope.conf' not found", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.EndsWith("main.conf", error.OriginDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludedSubstitutions_Should_BeRelativeToTheIncludingObject()
    {
        Write("foo.conf", "x = 10\ny = ${x}");
        var config = Load("main.conf", "a { include \"foo.conf\" }\na { x = 42 }");
        Assert.Equal(42, config.GetInt("a.y"));
    }

    [Fact]
    public void IncludedSubstitution_Should_FallBackToThePathFromTheRoot()
    {
        // ${x} in a file included inside `a` means a.x when a.x exists, else x from the root.
        Write("sub.conf", "from-root = ${base}\nnested = ${deep.base}\nname-seen = ${name}\nnull-seen = ${nothing}\nmaybe = ${?not.anywhere}");
        var config = Load("main.conf", "base = 5\nname = root\ndeep { base = 7 }\nnothing = null\na { name = inner, include \"sub.conf\" }\nb.c { include \"sub.conf\" }");
        JsonAssert.Equivalent(
            """
            {"base":5,"name":"root","deep":{"base":7},"nothing":null,
             "a":{"name":"inner","from-root":5,"nested":7,"name-seen":"inner","null-seen":null},
             "b":{"c":{"from-root":5,"nested":7,"name-seen":"root","null-seen":null}}}
            """,
            config.ToJson());
    }

    [Fact]
    public void IncludedSubstitution_Should_NotFallBackWhenTheIncludedFieldExists()
    {
        // a.x exists, so ${x} means a.x even though it resolves to nothing; the root's x is not used.
        Write("sub.conf", "x = ${?nope}\ny = ${?x}");
        JsonAssert.Equivalent("""{"x":5,"a":{}}""", Load("main.conf", "x = 5\na { include \"sub.conf\" }").ToJson());
        Write("strict.conf", "x = ${?nope}\ny = ${x}");
        var error = Assert.Throws<HoconException>(() => Load("main.conf", "x = 5\na { include \"strict.conf\" }"));
        Assert.Contains("${x}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IncludedSubstitution_Should_FollowReferencesAlongThePath()
    {
        // a.r is a substitution resolving to an object, so ${r.v} finds a.r.v; where a.r resolves to
        // nothing the path a.r.v does not exist and the root's r.v is used.
        Write("object.conf", "r = ${base}\ny = ${r.v}");
        Write("nothing.conf", "r = ${?r}\ny = ${r.v}");
        var config = Load("main.conf", "base { v = 1 }\nr { v = 2 }\na { include \"object.conf\" }\nb { include \"nothing.conf\" }");
        Assert.Equal(1, config.GetInt("a.y"));
        Assert.Equal(2, config.GetInt("b.y"));
        Assert.False(config.HasPath("b.r"));
    }

    [Fact]
    public void IncludeWithoutExtension_Should_LoadJsonThenConf()
    {
        Write("both.json", """{ "a": 1, "b": 1 }""");
        Write("both.conf", "b = 2");
        JsonAssert.Equivalent("""{"a":1,"b":2}""", Load("main.conf", "include \"both\"").ToJson());
    }

    [Fact]
    public void IncludeCycle_Should_BeReported()
    {
        Write("one.conf", "include \"two.conf\"");
        Write("two.conf", "include \"one.conf\"");
        var error = Assert.Throws<HoconException>(() => Load("main.conf", "include \"one.conf\""));
        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("include")]
    [InlineData("include foo")]
    [InlineData("include classpath(\"x.conf\")")]
    [InlineData("include file(\"x.conf\"")]
    [InlineData("include \"a\" \"b\"")]
    [InlineData("include\nfoo = 1")]
    [InlineData("include\n")]
    [InlineData("include file(\n\"x.conf\"\n\nb = 1")]
    public void MalformedInclude_Should_BeRejected(string statement) =>
        Assert.Throws<HoconException>(() => Load("main.conf", statement));

    [Fact]
    public void IncludedArrayRoot_Should_BeRejected()
    {
        Write("list.conf", "[1, 2]");
        Assert.Throws<HoconException>(() => Load("main.conf", "include \"list.conf\""));
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private HoconConfig Load(string name, string text)
    {
        Write(name, text);
        return HoconReader.FromFile(Path.Combine(_dir.FullName, name)).Resolve();
    }
}
