using ActorEcho.Host.CommandLine;

namespace ActorEcho.Host;

/// <summary>Process entry point: parse, start, wait for shutdown, return the exit code.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => HostCommandLine.RunAsync(args, Console.Out, Console.Error);
}
