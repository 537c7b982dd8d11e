namespace ActorEcho.Hocon.Tests.Differential;

/// <summary>
/// Feeds every corpus document to Lightbend's reference implementation and to ours; both must
/// produce the same resolved JSON, or both must reject the document.
/// </summary>
public sealed class DifferentialTests : IClassFixture<DifferentialFixture>
{
    private readonly DifferentialFixture _fixture;

    public DifferentialTests(DifferentialFixture fixture)
    {
        _fixture = fixture;
    }

    public static TheoryData<string> Names() => [.. DifferentialCorpus.All.Select(d => d.Name)];

    [JavaTheory]
    [MemberData(nameof(Names))]
    public void Document_Should_MatchReferenceImplementation(string name)
    {
        var reference = _fixture.Reference(name);
        var document = DifferentialCorpus.All.Single(d => d.Name == name);
        string? ours = null;
        HoconException? error = null;
        try
        {
            ours = HoconReader.FromFile(_fixture.Paths[name]).WithEnvironment(document.GetEnvironmentVariable).ToJson(indented: false);
        }
        catch (HoconException ex)
        {
            error = ex;
        }

        // A document meant to be accepted that both implementations reject would compare nothing.
        var meantToFail = name.EndsWith("-rejected", StringComparison.Ordinal);
        Assert.True(meantToFail == (reference.Error is not null), $"corpus entry {name}: the reference gave {reference.Error ?? reference.Json}");
        if (reference.Error is not null)
        {
            Assert.True(error is not null, $"the reference rejected the document ({reference.Error}) but we produced {ours}");
            return;
        }

        Assert.True(error is null, $"the reference produced {reference.Json} but we failed: {error?.Message}");
        JsonAssert.Equivalent(reference.Json!, ours!);
    }

    [JavaFact]
    public void Corpus_Should_ContainBothAcceptedAndRejectedDocuments()
    {
        // Guards against a harness that silently compares nothing: the reference must have
        // answered for every document, with both outcomes represented.
        var results = DifferentialCorpus.All.Select(d => _fixture.Reference(d.Name)).ToList();
        Assert.Contains(results, r => r.Json is not null);
        Assert.Contains(results, r => r.Error is not null);
    }
}
