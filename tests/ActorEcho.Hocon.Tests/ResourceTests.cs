namespace ActorEcho.Hocon.Tests;

public sealed class ResourceTests
{
    [Fact]
    public void FromResource_Should_ReadAnEmbeddedReferenceConfWithItsIncludes()
    {
        var config = HoconReader.FromResource(typeof(ResourceTests).Assembly, "reference.conf");
        Assert.Equal(7000, config.GetInt("test-library.port"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("test-library.timeout"));
    }

    [Fact]
    public void FromResource_Should_AcceptTheFullManifestName() =>
        Assert.Equal(7000, HoconReader.FromResource(typeof(ResourceTests).Assembly, "ActorEcho.Hocon.Tests.reference.conf").GetInt("test-library.port"));

    [Fact]
    public void MissingResource_Should_ListWhatIsEmbedded()
    {
        var error = Assert.Throws<HoconException>(() => HoconReader.FromResource(typeof(ResourceTests).Assembly, "nope.conf"));
        Assert.Contains("ActorEcho.Hocon.Tests.reference.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceErrors_Should_NameTheResourceAndAssembly()
    {
        var config = HoconReader.FromResource(typeof(ResourceTests).Assembly, "reference.conf");
        var error = Assert.Throws<HoconException>(() => config.GetInt("test-library.timeout"));
        Assert.Contains("extra.conf", error.Message, StringComparison.Ordinal);
        Assert.Contains("ActorEcho.Hocon.Tests", error.Message, StringComparison.Ordinal);
    }
}
