namespace ActorEcho.Host.Demos;

/// <summary>One scripted supervision scenario: starts its own server, drives it with real TCP clients, narrates and verifies.</summary>
internal interface ISupervisionDemo
{
    /// <summary>The short name used on the command line (<c>demo NAME</c>).</summary>
    string Name { get; }

    /// <summary>One line saying what the demo shows.</summary>
    string Title { get; }

    /// <summary>Runs the scenario; a failed check ends it with <see cref="DemoResult.Fail"/>.</summary>
    Task<DemoResult> RunAsync(DemoContext context);
}
