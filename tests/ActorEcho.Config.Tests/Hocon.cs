namespace ActorEcho.Config.Tests;

/// <summary>Shorthands the tests share.</summary>
internal static class Hocon
{
    public static Config Parse(string text) => ConfigurationFactory.ParseString(text);

    public static void AssertEquivalent(string hocon, string json) =>
        JsonAssert.Equivalent(json, Parse(hocon).ToJson(indented: false));

    public static ConfigurationException AssertRejected(string hocon) =>
        Assert.Throws<ConfigurationException>(() => Parse(hocon).Resolve());
}
