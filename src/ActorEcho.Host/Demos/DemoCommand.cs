using System.CommandLine;
using ActorEcho.Host.CommandLine;

namespace ActorEcho.Host.Demos;

/// <summary>The <c>demo [NAME|all]</c> subcommand: runs the supervision and fault demos in-process.</summary>
internal static class DemoCommand
{
    /// <summary>The command; <c>--config</c> and <c>-D</c> (recursive options of <paramref name="host"/>) become a layer under each demo's settings.</summary>
    public static Command Create(HostCommandLine host, TextWriter output)
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
        command.SetAction(async (result, cancellationToken) =>
        {
            HostOptions options;
            try
            {
                options = host.ReadOptions(result);
            }
            catch (HostOptionsException e)
            {
                await output.WriteLineAsync("actorecho: " + e.Message).ConfigureAwait(false);
                return HostExitCodes.BadOptions;
            }

            return await DemoRunner.RunAsync(result.GetValue(name), output, cancellationToken, options).ConfigureAwait(false);
        });
        return command;
    }
}
