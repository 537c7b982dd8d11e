namespace ActorEcho.Bench;

/// <summary>
/// One named group of benchmark cases (`kernel`, `hocon`, `io`, ...). Each suite runs its cases
/// beside a baseline measured in the same process run and prints one line per case:
/// <c>RESULT case=NAME ours=X baseline=Y unit=U ratio=R</c>.
/// Suites are found by reflection, so adding one is adding a file.
/// </summary>
internal interface IBenchSuite
{
    /// <summary>The word that selects this suite on the command line.</summary>
    string Name { get; }

    /// <summary>One line shown by <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Runs every case of the suite; <paramref name="args"/> are the words after the suite name.</summary>
    Task RunAsync(string[] args);
}
