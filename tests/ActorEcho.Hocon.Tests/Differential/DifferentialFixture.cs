namespace ActorEcho.Hocon.Tests.Differential;

/// <summary>
/// Writes the whole corpus to a temporary directory and runs the reference implementation over it
/// once for the test class, so the JVM starts a single time.
/// </summary>
public sealed class DifferentialFixture : IDisposable
{
    private readonly DirectoryInfo _root;
    private readonly Lazy<IReadOnlyDictionary<string, ReferenceResult>> _reference;

    public DifferentialFixture()
    {
        _root = Directory.CreateTempSubdirectory("hocon-diff-");
        Paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in DifferentialCorpus.All)
        {
            var dir = Directory.CreateDirectory(Path.Combine(_root.FullName, document.Name));
            var path = Path.Combine(dir.FullName, "main.conf");
            File.WriteAllText(path, document.Text.Replace("$DIR$", dir.FullName, StringComparison.Ordinal));
            foreach (var (name, text) in document.ExtraFiles)
            {
                var extra = Path.Combine(dir.FullName, name);
                Directory.CreateDirectory(Path.GetDirectoryName(extra)!);
                File.WriteAllText(extra, text);
            }

            Paths[document.Name] = path;
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (variable, value) in DifferentialCorpus.All.SelectMany(d => d.Environment))
        {
            // One JVM renders the whole corpus, so documents must agree on every variable they set.
            if (environment.TryGetValue(variable, out var other) && other != value)
            {
                throw new InvalidOperationException($"corpus documents set {variable} to both '{other}' and '{value}'");
            }

            environment[variable] = value;
        }

        _reference = new Lazy<IReadOnlyDictionary<string, ReferenceResult>>(() => LightbendReference.RenderAll([.. Paths.Values], environment));
    }

    public Dictionary<string, string> Paths { get; }

    public ReferenceResult Reference(string name) => _reference.Value[Paths[name]];

    public void Dispose() => _root.Delete(recursive: true);
}
