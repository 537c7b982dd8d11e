namespace ActorEcho.Hocon.Tests;

/// <summary>Akka-style layering: reference.conf files below the application config below overrides.</summary>
public sealed class LayeringTests
{
    [Fact]
    public void WithFallback_Should_ResolveSubstitutionsAcrossAllLayers()
    {
        var app = Hocon.Parse("server.greeting = \"hello from \"${io.host}\nio.port = 9000");
        var refA = Hocon.Parse("server { greeting = default, endpoint = ${io.host}\":\"${io.port} }");
        var refB = Hocon.Parse("io { host = localhost, port = 7 }");
        var merged = app.WithFallback(refA).WithFallback(refB);
        Assert.Equal("hello from localhost", merged.GetString("server.greeting"));
        Assert.Equal("localhost:9000", merged.GetString("server.endpoint"));
    }

    [Fact]
    public void WithFallback_Should_LeaveItsInputsUnchanged()
    {
        var app = Hocon.Parse("a = 1");
        var reference = Hocon.Parse("a = 0\nb = 2");
        var merged = app.WithFallback(reference);
        Assert.False(app.HasPath("b"));
        Assert.Equal(0, reference.GetInt("a"));
        Assert.Equal(1, merged.GetInt("a"));
        Assert.Equal(2, merged.GetInt("b"));
    }

    [Fact]
    public void OverrideOrder_Should_FollowTheSpecsAdjacencyRule()
    {
        // { a : { x : 1 } } over { a : 42 } over { a : { y : 2 } } is { a : { x : 1 } }.
        var merged = Hocon.Parse("a { x = 1 }").WithFallback(Hocon.Parse("a = 42")).WithFallback(Hocon.Parse("a { y = 2 }"));
        JsonAssert.Equivalent("""{"a":{"x":1}}""", merged.ToJson());
        var adjacent = Hocon.Parse("a { x = 1 }").WithFallback(Hocon.Parse("a { y = 2 }")).WithFallback(Hocon.Parse("a = 42"));
        JsonAssert.Equivalent("""{"a":{"x":1,"y":2}}""", adjacent.ToJson());
    }

    [Fact]
    public void DottedKeyOverNonObject_Should_HideTheFallbacksToo()
    {
        // `a = 42` then `a.b = 1` makes a fresh object that replaced 42, so nothing below merges in.
        var merged = Hocon.Parse("a = 42\na.b = 1").WithFallback(Hocon.Parse("a { c = 2 }"));
        JsonAssert.Equivalent("""{"a":{"b":1}}""", merged.ToJson());
    }

    [Fact]
    public void EnvironmentHook_Should_OverrideTheReferenceDefault()
    {
        var name = "ACTORECHO_HOCON_TEST_PORT_" + Guid.NewGuid().ToString("N");
        var reference = Hocon.Parse($"io.port = 7\nio.port = ${{?{name}}}");
        Environment.SetEnvironmentVariable(name, "7007");
        try
        {
            Assert.Equal(7007, Hocon.Parse("x = 1").WithFallback(reference).GetInt("io.port"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void CommandLineOverride_Should_WinOverEveryLayer()
    {
        var reference = Hocon.Parse("io { port = 7, host = localhost }");
        var app = Hocon.Parse("io.port = 8000");
        var dashD = Hocon.Parse("io.port = 9000");
        var merged = dashD.WithFallback(app).WithFallback(reference);
        Assert.Equal(9000, merged.GetInt("io.port"));
        Assert.Equal("localhost", merged.GetString("io.host"));
    }

    [Fact]
    public async Task ConcurrentFirstReads_Should_ResolveOnceAndAgree()
    {
        var config = Hocon.Parse("a = ${b}\nb = [1, 2]\nc = ${a} [3]");
        using var start = new ManualResetEventSlim(false);
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait(TimeSpan.FromSeconds(10));
            return string.Join(",", config.GetIntList("c"));
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(results, r => Assert.Equal("1,2,3", r));
        Assert.Same(config.Root, config.Root);
    }

    [Fact]
    public void Resolution_Should_BeLazyUntilTheFirstRead()
    {
        // The application layer alone cannot resolve; with its fallback it can.
        var app = Hocon.Parse("a = ${b}");
        var merged = app.WithFallback(Hocon.Parse("b = 2"));
        Assert.Equal(2, merged.GetInt("a"));
        Assert.Throws<HoconException>(() => app.Resolve());
    }
}
