using System.CommandLine;

namespace ActorEcho.Host.Demos;

/// <summary>The <c>demo [NAME|all]</c> subcommand: runs the supervision and fault demos in-process.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output)
    {
        var name = new Argument<string?>("NAME")
        {
            Description = "The demo to run, by name or number (default: all). Demos:" + Environment.NewLine + DemoRunner.List(),
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command(
            "demo",
            "Run the supervision and fault demos against an in-process server on 127.0.0.1 (free ports), narrating each step; " +
            "each ends with 'DEMO NAME: PASS' or 'DEMO NAME: FAIL (why)'. Exit code 0 when all pass, 1 when one fails, 2 for an unknown NAME.");
        command.Arguments.Add(name);
        command.SetAction((result, cancellationToken) => DemoRunner.RunAsync(result.GetValue(name), output, cancellationToken));
        return command;
    }
}
