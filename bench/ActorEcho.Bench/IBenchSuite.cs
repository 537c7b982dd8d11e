namespace ActorEcho.Bench;

/// <summary>
/// One command of the bench program (<c>hocon</c>, <c>serve</c>), listed in Program.cs. A measuring
/// suite prints one line per case, <c>RESULT case=NAME ours=X [baseline=Y] unit=U [ratio=R]</c>;
/// <c>serve</c> measures nothing itself: it runs a baseline server for bench/compare.sh.
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
