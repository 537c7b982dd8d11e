namespace ActorEcho.Hocon.Tests;

public sealed class SubstitutionTests
{
    [Fact]
    public void Substitution_Should_CopyTheValueAndKeepItsType() => Hocon.AssertEquivalent(
        "a = 1\nb = ${a}\nc { d = [1] }\ne = ${c}\nf = ${c.d}",
        """{"a":1,"b":1,"c":{"d":[1]},"e":{"d":[1]},"f":[1]}""");

    [Fact]
    public void Substitution_Should_LookForward() => Hocon.AssertEquivalent("a = ${b}\nb = 2", """{"a":2,"b":2}""");

    [Fact]
    public void Substitution_Should_ConcatenateIntoStrings() => Hocon.AssertEquivalent(
        "host = localhost\nport = 80\nurl = \"http://\"${host}\":\"${port}/path",
        """{"host":"localhost","port":80,"url":"http://localhost:80/path"}""");

    [Fact]
    public void Substitution_Should_ReferToPathsInsideItsOwnObject() =>
        Hocon.AssertEquivalent("bar { foo = 42, baz = ${bar.foo} }", """{"bar":{"foo":42,"baz":42}}""");

    [Fact]
    public void OptionalSubstitution_Should_RemoveTheFieldWhenUndefined() => Hocon.AssertEquivalent(
        "a = ${?nope.nothing}\nb = 1\nb = ${?nope.nothing}\nc = [1, ${?nope.nothing}]",
        """{"b":1,"c":[1]}""");

    [Fact]
    public void SelfReference_Should_ExtendAString() =>
        Hocon.AssertEquivalent("path = \"a:b\"\npath = ${path}\":c\"", """{"path":"a:b:c"}""");

    [Fact]
    public void SelfReference_Should_ExtendAnArray() =>
        Hocon.AssertEquivalent("path = [a]\npath = ${path} [extra]", """{"path":["a","extra"]}""");

    [Fact]
    public void SelfReference_Should_ExtendAnObject() =>
        Hocon.AssertEquivalent("a { x = 1 }\na = ${a} { b = 1 }", """{"a":{"x":1,"b":1}}""");

    [Fact]
    public void SelfReference_Should_SeeTheFallbackLayer()
    {
        var app = Hocon.Parse("path = ${path} [extra]\nname = ${name}-app");
        var reference = Hocon.Parse("path = [base]\nname = echo");
        JsonAssert.Equivalent("""{"path":["base","extra"],"name":"echo-app"}""", app.WithFallback(reference).ToJson());
    }

    [Fact]
    public void Cycle_Should_BeReportedNamingTheKeys()
    {
        var error = Hocon.AssertRejected("a = ${b}\nb = ${c}\nc = ${a}");
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Contains("a -> b -> c -> a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CycleThroughParentObject_Should_BeReported()
    {
        var error = Hocon.AssertRejected("bar { foo = 42, baz = ${bar} }");
        Assert.Contains("bar -> bar.baz -> bar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionalCycle_Should_LeaveEveryFieldInItUndefined() => Hocon.AssertEquivalent(
        "a = ${?b}\nb = ${?a}\nc = 1\nx { p = ${?x.q}, q = ${?x.p} }\nbar { foo = 42, baz = ${?bar} }",
        """{"c":1,"x":{},"bar":{"foo":42}}""");

    [Fact]
    public void OptionalCycle_Should_KeepWhatResolvedAroundTheCut() => Hocon.AssertEquivalent(
        // s asks for t, whose ${?s} is cut off (undefined), so t = "y" and s = "yx", as in Lightbend's implementation.
        "s = ${?t}x\nt = ${?s}y\nl = [${?m}]\nm = [${?l}]",
        """{"s":"yx","t":"y","l":[[]],"m":[]}""");

    [Fact]
    public void CycleThroughAFieldWithDefaults_Should_SeeTheDefinitionsBelow() => Hocon.AssertEquivalent(
        // While a's upper definition is being resolved, a reference to a from another key sees the
        // definitions below it, as a self-reference does.
        "a = 1\na = ${?b}\nb = ${?a}\nm { x = 1 }\nm = ${?n} { y = 2 }\nn = ${?m}\nq = ${?r}\nr = 2\nr = ${?q}\nf = 3\nf = ${g}\ng = ${f}",
        """{"a":1,"b":1,"m":{"x":1,"y":2},"n":{"x":1},"q":2,"r":2,"f":3,"g":3}""");

    [Fact]
    public void CycleThroughARequiredSubstitution_Should_StillBeAnError()
    {
        var error = Hocon.AssertRejected("a = ${?b}\nb = ${a}");
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSubstitution_Should_NameThePathAndPosition()
    {
        var error = Hocon.AssertRejected("a = 1\nb = ${no.such.path}");
        Assert.Contains("${no.such.path}", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Equal(5, error.Column);
    }

    [Fact]
    public void EnvironmentVariable_Should_ResolveUnknownPaths()
    {
        var name = "ACTORECHO_HOCON_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            var config = Hocon.Parse($"a = ${{{name}}}\nb = ${{?{name}}}\nc = default\nc = ${{?{name}}}");
            Assert.Equal("from-env", config.GetString("a"));
            Assert.Equal("from-env", config.GetString("b"));
            Assert.Equal("from-env", config.GetString("c"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void EnvironmentVariableSetToEmpty_Should_BeTheEmptyString()
    {
        // As in Lightbend's implementation: set-but-empty is a value, for ${X} and ${?X} alike.
        var config = Hocon.Parse("a = ${EMPTY}\nb = default\nb = ${?EMPTY}\nc = x${?EMPTY}y\nd = ${?UNSET}")
            .WithEnvironment(name => name == "EMPTY" ? string.Empty : null);
        Assert.Equal(string.Empty, config.GetString("a"));
        Assert.Equal(string.Empty, config.GetString("b"));
        Assert.Equal("xy", config.GetString("c"));
        Assert.False(config.HasPath("d"));
    }

    [Fact]
    public void DocumentValue_Should_HideTheEnvironmentVariable()
    {
        var name = "ACTORECHO_HOCON_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            Assert.Equal("from-config", Hocon.Parse($"{name} = from-config\na = ${{{name}}}").GetString("a"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void FieldResolvingToNothing_Should_StillHideTheEnvironmentVariable()
    {
        // The environment is consulted only when no field exists at the path, as in Lightbend's
        // implementation; a field whose only definition is an undefined ${?x} still exists.
        var config = Hocon.Parse("HIDDEN = ${?nope}\nh = ${?HIDDEN}\nv = ${?VISIBLE}")
            .WithEnvironment(name => name is "HIDDEN" or "VISIBLE" ? "from-env" : null);
        JsonAssert.Equivalent("""{"v":"from-env"}""", config.ToJson());
    }

    [Fact]
    public void UnsetEnvironmentHook_Should_KeepTheDefault() =>
        Assert.Equal(7000, Hocon.Parse("port = 7000\nport = ${?ACTORECHO_SURELY_UNSET_" + Guid.NewGuid().ToString("N") + "}").GetInt("port"));

    [Fact]
    public void NullSubstitution_Should_StayNullAlone() =>
        Hocon.AssertEquivalent("n = null\na = ${n}", """{"n":null,"a":null}""");

    [Fact]
    public void SubstitutedArrays_Should_ConcatenateAcrossWhitespace() =>
        Hocon.AssertEquivalent("x = [1]\ny = [2]\nz = ${x} ${y}", """{"x":[1],"y":[2],"z":[1,2]}""");

    [Fact]
    public void HiddenDefinition_Should_NeverBeResolved() =>
        Hocon.AssertEquivalent("a = ${does.not.exist}\na = 1\nb = ${missing} { x = 1 }\nb = text", """{"a":1,"b":"text"}""");
}
