namespace ActorEcho.Hocon.Tests;

/// <summary>One test per syntax feature of the spec, each as "this HOCON equals this JSON".</summary>
public sealed class SyntaxTests
{
    [Fact]
    public void Comments_Should_BeIgnoredOutsideQuotes() => Hocon.AssertEquivalent(
        "# a\na = 1 // b\n// c\nb = \"# d\"\nc = \"// e\"",
        """{"a":1,"b":"# d","c":"// e"}""");

    [Fact]
    public void JsonDocument_Should_ParseAsItself()
    {
        const string json = """{"s":"x","n":1.5,"i":-2,"t":true,"f":false,"z":null,"a":[1,[2],{"o":{}}],"e":{}}""";
        Hocon.AssertEquivalent(json, json);
    }

    [Fact]
    public void EmptyDocument_Should_BeAnEmptyObject() => Assert.True(Hocon.Parse("  \n# only a comment\n").IsEmpty);

    [Fact]
    public void UnquotedString_Should_KeepInnerWhitespaceAndDots() => Hocon.AssertEquivalent(
        "a = hello   big world\nb = x.y.z\nc = /usr/bin",
        """{"a":"hello   big world","b":"x.y.z","c":"/usr/bin"}""");

    [Theory]
    [InlineData("a = x!y")]
    [InlineData("a = x^y")]
    [InlineData("a = x`y")]
    [InlineData("a = x@y")]
    [InlineData("a = x*y")]
    [InlineData("a = x&y")]
    [InlineData("a = x\\y")]
    [InlineData("a = x?y")]
    [InlineData("a = $x")]
    [InlineData("a = x+y")]
    public void UnquotedString_Should_RejectForbiddenCharacters(string hocon) => Hocon.AssertRejected(hocon);

    [Fact]
    public void QuotedString_Should_DecodeEveryJsonEscape() => Assert.Equal(
        "\"\\/\b\f\n\r\tAé中",
        Hocon.Parse("""a = "\"\\\/\b\f\n\r\t\u0041\u00e9\u4E2D" """).GetString("a"));

    [Fact]
    public void TripleQuotedString_Should_KeepNewlinesQuotesAndBackslashes() => Assert.Equal(
        "line1\n\"quoted\" \\n\n",
        Hocon.Parse("a = \"\"\"line1\n\"quoted\" \\n\n\"\"\"").GetString("a"));

    [Fact]
    public void TripleQuotedString_Should_KeepExtraClosingQuotes() =>
        Assert.Equal("x\"\"", Hocon.Parse("a = \"\"\"x\"\"\"\"\"").GetString("a"));

    [Fact]
    public void Separators_Should_AcceptEqualsColonAndNothingBeforeBrace() => Hocon.AssertEquivalent(
        "a = 1\nb : 2\nc { d = 3 }\ne = { f = 4 }",
        """{"a":1,"b":2,"c":{"d":3},"e":{"f":4}}""");

    [Fact]
    public void FieldSeparators_Should_AcceptNewlinesCommasAndTrailingCommas() => Hocon.AssertEquivalent(
        "a = 1, b = 2,\nc = [1,\n2\n3,]\nd { x = 1, }",
        """{"a":1,"b":2,"c":[1,2,3],"d":{"x":1}}""");

    [Fact]
    public void ValueOnNextLine_Should_BelongToTheKey() => Hocon.AssertEquivalent("a =\n  1", """{"a":1}""");

    [Fact]
    public void DottedKeys_Should_ExpandToNestedObjects() => Hocon.AssertEquivalent(
        "a.b.c = 1\na.b.d = 2\na { e = 3 }",
        """{"a":{"b":{"c":1,"d":2},"e":3}}""");

    [Fact]
    public void QuotedKeys_Should_KeepDotsInsideOneKey() => Hocon.AssertEquivalent(
        "\"a.b\" = 1\nx.\"y.z\".w = 2\n\"\" = 3",
        """{"a.b":1,"x":{"y.z":{"w":2}},"":3}""");

    [Fact]
    public void KeyWhitespace_Should_BeKeptInsideAndTrimmedOutside() => Hocon.AssertEquivalent(
        "  foo bar   = 1\nfoo  \"baz\" : 2",
        """{"foo bar":1,"foo  baz":2}""");

    [Fact]
    public void NumberKeys_Should_SplitOnDots() => Hocon.AssertEquivalent("3.14 = pi", """{"3":{"14":"pi"}}""");

    [Fact]
    public void IncludeWord_Should_BeAPlainStringOutsideKeyStart() => Hocon.AssertEquivalent(
        "a = include\nfoo include = 1\n\"include\" = 2",
        """{"a":"include","foo include":1,"include":2}""");

    [Fact]
    public void DuplicateObjects_Should_Merge() => Hocon.AssertEquivalent(
        "a { x = 1, y = 2 }\na { y = 3, z = 4 }",
        """{"a":{"x":1,"y":3,"z":4}}""");

    [Fact]
    public void DuplicateNonObjects_Should_LetTheLastWin() => Hocon.AssertEquivalent(
        "a = 1\na = 2\nb = [1]\nb = [2]",
        """{"a":2,"b":[2]}""");

    [Fact]
    public void ObjectAfterNonObject_Should_ReplaceItAndViceVersa() => Hocon.AssertEquivalent(
        "a = 1\na { x = 1 }\nb { x = 1 }\nb = 2\nc { x = 1 }\nc = null\nc { y = 2 }",
        """{"a":{"x":1},"b":2,"c":{"y":2}}""");

    [Fact]
    public void Arrays_Should_HoldAnyValue() => Hocon.AssertEquivalent(
        "a = [1, [2, [3]], {x = 4}, five, null, true]",
        """{"a":[1,[2,[3]],{"x":4},"five",null,true]}""");

    [Fact]
    public void StringConcatenation_Should_KeepInnerWhitespace() => Hocon.AssertEquivalent(
        "a = foo   \"bar\"  baz\nb = 10 seconds",
        """{"a":"foo   bar  baz","b":"10 seconds"}""");

    [Fact]
    public void ArrayConcatenation_Should_Append() => Hocon.AssertEquivalent(
        "a = [1, 2] [3]\nb = ${a} [4]",
        """{"a":[1,2,3],"b":[1,2,3,4]}""");

    [Fact]
    public void ObjectConcatenation_Should_Merge() => Hocon.AssertEquivalent(
        "base { x = 1, y = 1 }\na = ${base} { y = 2 }\nb = { p = 1 } { q = 2 }",
        """{"base":{"x":1,"y":1},"a":{"x":1,"y":2},"b":{"p":1,"q":2}}""");

    [Fact]
    public void MixedConcatenation_Should_BeRejected()
    {
        var error = Hocon.AssertRejected("list = [1]\na = ${list} foo");
        Assert.Contains("cannot concatenate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlusEquals_Should_AppendAndCreateTheArray() => Hocon.AssertEquivalent(
        "a = [1]\na += 2\nb += x\nc { d += 1, d += 2 }",
        """{"a":[1,2],"b":["x"],"c":{"d":[1,2]}}""");

    [Fact]
    public void Numbers_Should_KeepTheirKind() => Hocon.AssertEquivalent(
        "i = 42\nn = -7\nd = 3.25\ne = 1e3\nf = 2.5E-2\ng = 007\nnot = 1.2.3",
        """{"i":42,"n":-7,"d":3.25,"e":1000,"f":0.025,"g":7,"not":"1.2.3"}""");

    [Fact]
    public void BracedRoot_Should_EqualBracelessRoot() => Hocon.AssertEquivalent("{ a = 1, b { c = 2 } }", """{"a":1,"b":{"c":2}}""");

    [Fact]
    public void CommaAfterNewline_Should_SeparateOnce() => Hocon.AssertEquivalent(
        "a = 1\n, b = 2\nlist = [1\n, 2]",
        """{"a":1,"b":2,"list":[1,2]}""");

    [Fact]
    public void SeparatorOnNextLine_Should_BelongToTheKey() => Hocon.AssertEquivalent(
        "foo bar\n  : 2\nbaz\n{ x = 1 }",
        """{"foo bar":2,"baz":{"x":1}}""");

    [Fact]
    public void ImpliedSeparator_Should_TakeExactlyOneObject()
    {
        Hocon.AssertRejected("a {} {}");
        Hocon.AssertEquivalent("a = {x = 1} {y = 2}", """{"a":{"x":1,"y":2}}""");
    }

    [Fact]
    public void LiteralMixedConcatenation_Should_FailWhileParsing()
    {
        // Rejected even though a later definition hides it: the literal can never be valid.
        var error = Hocon.AssertRejected("x = { z = 1b { e = 3 } }\nx = { z = 1 }");
        Assert.Contains("cannot concatenate", error.Message, StringComparison.Ordinal);
        Hocon.AssertRejected("a = [1] foo");
        Hocon.AssertRejected("a = {} []");
    }

    [Fact]
    public void KeyWhitespaceAfterDot_Should_BeKept() =>
        Hocon.AssertEquivalent("a. b = 1", """{"a":{" b":1}}""");

    [Fact]
    public void NumberText_Should_StayAsWrittenInsideStrings()
    {
        var config = Hocon.Parse("a = 007 cats\nb = 1.\nc = 007");
        Assert.Equal("007 cats", config.GetString("a"));
        Assert.Equal(1.0, config.GetDouble("b"));
        JsonAssert.Equivalent("""{"a":"007 cats","b":1.0,"c":7}""", config.ToJson());
    }
}
