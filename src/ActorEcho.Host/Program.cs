using ActorEcho.Host.CommandLine;
using ActorEcho.Host.Hosting;

namespace ActorEcho.Host;

/// <summary>Process entry point: parse, start, wait for shutdown, return the exit code.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args)
    {
        // Before anything touches the console: see SigintDisposition for why it must come first.
        SigintDisposition.RestoreIfIgnored();
        return HostCommandLine.RunAsync(args, Console.Out, Console.Error);
    }
}
