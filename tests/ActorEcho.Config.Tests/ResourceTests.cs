namespace ActorEcho.Config.Tests;

public sealed class ResourceTests
{
    [Fact]
    public void FromResource_Should_ReadAnEmbeddedReferenceConfWithItsIncludes()
    {
        var config = ConfigurationFactory.FromResource(typeof(ResourceTests).Assembly, "reference.conf");
        Assert.Equal(7000, config.GetInt("test-library.port"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("test-library.timeout"));
    }

    [Fact]
    public void FromResource_Should_AcceptTheFullManifestName() =>
        Assert.Equal(7000, ConfigurationFactory.FromResource(typeof(ResourceTests).Assembly, "ActorEcho.Config.Tests.reference.conf").GetInt("test-library.port"));

    [Fact]
    public void MissingResource_Should_ListWhatIsEmbedded()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.FromResource(typeof(ResourceTests).Assembly, "nope.conf"));
        Assert.Contains("ActorEcho.Config.Tests.reference.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceErrors_Should_NameTheResourceAndAssembly()
    {
        var config = ConfigurationFactory.FromResource(typeof(ResourceTests).Assembly, "reference.conf");
        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("test-library.timeout"));
        Assert.Contains("extra.conf", error.Message, StringComparison.Ordinal);
        Assert.Contains("ActorEcho.Config.Tests", error.Message, StringComparison.Ordinal);
    }
}
