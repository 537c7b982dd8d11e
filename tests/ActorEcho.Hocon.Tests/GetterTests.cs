using ActorEcho.Hocon.Values;

namespace ActorEcho.Hocon.Tests;

public sealed class GetterTests
{
    private static readonly HoconConfig Sample = Hocon.Parse("""
        actorecho.io.tcp { port = abc, backlog = 100, host = "127.0.0.1" }
        names = [a, b, 3]
        ints = [1, 2, 3]
        empty = {}
        nothing = null
        flag = on
        "dotted.key" = 5
        """);

    [Fact]
    public void Getters_Should_ReadValuesByPath()
    {
        Assert.Equal(100, Sample.GetInt("actorecho.io.tcp.backlog"));
        Assert.Equal("127.0.0.1", Sample.GetString("actorecho.io.tcp.host"));
        Assert.Equal(["a", "b", "3"], Sample.GetStringList("names"));
        Assert.Equal([1, 2, 3], Sample.GetIntList("ints"));
        Assert.True(Sample.GetBoolean("flag"));
        Assert.Equal(5, Sample.GetInt("\"dotted.key\""));
    }

    [Fact]
    public void Defaults_Should_ApplyOnlyWhenMissingOrNull()
    {
        Assert.Equal(9, Sample.GetInt("no.such", 9));
        Assert.Equal(9, Sample.GetInt("nothing", 9));
        Assert.Equal(100, Sample.GetInt("actorecho.io.tcp.backlog", 9));
        Assert.Equal("d", Sample.GetString("no.such", "d"));
        Assert.Null(Sample.GetString("no.such", null));
        Assert.Equal(TimeSpan.FromSeconds(3), Sample.GetTimeSpan("no.such", TimeSpan.FromSeconds(3)));
        Assert.Equal(64, Sample.GetByteSize("no.such", 64));
        Assert.Equal(["x"], Sample.GetStringList("no.such", ["x"]));
        Assert.True(Sample.GetBoolean("no.such", true));
        Assert.Equal(1.5, Sample.GetDouble("no.such", 1.5));
        Assert.Equal(7L, Sample.GetLong("no.such", 7L));
        Assert.Equal([4], Sample.GetIntList("no.such", [4]));
    }

    [Fact]
    public void MissingPath_Should_NameThePathAndTheWantedType()
    {
        var error = Assert.Throws<HoconException>(() => Sample.GetInt("actorecho.io.tcp.timeout"));
        Assert.Contains("path actorecho.io.tcp.timeout is missing; expected an int", error.Message, StringComparison.Ordinal);
        var nullError = Assert.Throws<HoconException>(() => Sample.GetString("nothing"));
        Assert.Contains("path nothing is null; expected a string", nullError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongType_Should_NameThePathTheValueAndItsPosition()
    {
        var error = Assert.Throws<HoconException>(() => Sample.GetInt("actorecho.io.tcp.port"));
        Assert.Contains("path actorecho.io.tcp.port: expected an int, got string 'abc'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.Equal(27, error.Column);
        Assert.Throws<HoconException>(() => Sample.GetString("empty"));
        Assert.Throws<HoconException>(() => Sample.GetStringList("flag"));
        Assert.Throws<HoconException>(() => Sample.GetIntList("names"));
    }

    [Fact]
    public void GetConfig_Should_ReturnTheSubtreeOrAnEmptyConfig()
    {
        var tcp = Sample.GetConfig("actorecho.io.tcp");
        Assert.Equal(100, tcp.GetInt("backlog"));
        Assert.True(Sample.GetConfig("no.such.section").IsEmpty);
        Assert.NotNull(Sample.GetConfig("no.such.section"));
        Assert.Throws<HoconException>(() => Sample.GetConfig("flag"));
    }

    [Fact]
    public void SubConfigErrors_Should_NameTheFullPath()
    {
        var error = Assert.Throws<HoconException>(() => Sample.GetConfig("actorecho.io").GetInt("tcp.port"));
        Assert.Contains("path actorecho.io.tcp.port:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HasPath_Should_BeFalseForMissingAndNull()
    {
        Assert.True(Sample.HasPath("actorecho.io"));
        Assert.True(Sample.HasPath("empty"));
        Assert.False(Sample.HasPath("nothing"));
        Assert.False(Sample.HasPath("actorecho.io.udp"));
        Assert.False(Sample.HasPath("names.x"));
    }

    [Fact]
    public void Root_Should_ExposeTheResolvedTree()
    {
        var root = Sample.Root;
        Assert.Equal(HoconValueType.Object, root.Type);
        Assert.Equal(HoconValueType.Array, root["names"].Type);
        Assert.Equal("actorecho", root.Keys.First());
        Assert.Equal(HoconValueType.Null, Sample.GetValue("nothing")!.Type);
        Assert.Null(Sample.GetValue("no.such"));
    }

    [Fact]
    public void InvalidPath_Should_BeAHoconException()
    {
        Assert.Throws<HoconException>(() => Sample.GetInt("a..b"));
        Assert.Throws<HoconException>(() => Sample.GetInt(""));
        Assert.Throws<HoconException>(() => Sample.GetInt("\"unterminated"));
    }

    [Fact]
    public void Empty_Should_BeEmptyAndANeutralFallback()
    {
        Assert.True(HoconReader.Empty.IsEmpty);
        Assert.Equal(1, Hocon.Parse("a = 1").WithFallback(HoconReader.Empty).GetInt("a"));
        Assert.Equal(1, HoconReader.Empty.WithFallback(Hocon.Parse("a = 1")).GetInt("a"));
    }
}
