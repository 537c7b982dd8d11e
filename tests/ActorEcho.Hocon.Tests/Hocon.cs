namespace ActorEcho.Hocon.Tests;

/// <summary>Shorthands the tests share.</summary>
internal static class Hocon
{
    public static HoconConfig Parse(string text) => HoconReader.ParseString(text);

    public static void AssertEquivalent(string hocon, string json) =>
        JsonAssert.Equivalent(json, Parse(hocon).ToJson(indented: false));

    public static HoconException AssertRejected(string hocon) =>
        Assert.Throws<HoconException>(() => Parse(hocon).Resolve());
}
