using System.CommandLine;
using System.Net;
using ActorEcho.Hocon;
using ActorEcho.Host.Configuration;
using ActorEcho.Host.Demos;
using ActorEcho.Host.Hosting;

namespace ActorEcho.Host.CommandLine;

/// <summary>
/// The host's command line: the root command serves (or prints the configuration); subcommands
/// such as <c>demo</c> are added to <see cref="Root"/> and read the same options with
/// <see cref="ReadOptions"/>, since the configuration options are recursive.
/// </summary>
public sealed class HostCommandLine
{
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    /// <summary>Builds the command tree; the root command writes to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public HostCommandLine(TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        _output = output;
        _error = error;
        Root = new RootCommand(
            "ActorEcho: an actor-based echo, time and chat server (TCP and UDP). Serves every configured " +
            "endpoint until Ctrl+C or SIGTERM, which runs a coordinated shutdown.");
        Root.Options.Add(ConfigFile);
        Root.Options.Add(Overrides);
        Root.Options.Add(Bind);
        Root.Options.Add(ClusterPort);
        Root.Options.Add(Seeds);
        Root.Options.Add(PrintConfig);
        Root.SetAction(RunRootAsync);
        Root.Subcommands.Add(DemoCommand.Create(this, output));
    }

    /// <summary>The root command; add subcommands here.</summary>
    public RootCommand Root { get; }

    /// <summary><c>--config FILE</c>: a HOCON file over the embedded hocon/actorecho.conf.</summary>
    public Option<string?> ConfigFile { get; } = new("--config", "-c")
    {
        Description = "A HOCON file layered over the embedded hocon/actorecho.conf (only the keys it sets change).",
        HelpName = "FILE",
        Recursive = true,
    };

    /// <summary><c>-Dpath=value</c>: single overrides, repeatable, parsed as HOCON values.</summary>
    public Option<string[]> Overrides { get; } = new("-D")
    {
        Description = "Override one key, e.g. -Dactorecho.server.endpoints.session-tcp.port=9000. Repeatable; the value is " +
            "read as HOCON (quote values holding ':'). Wins over --config and the embedded config.",
        HelpName = "path=value",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        Recursive = true,
    };

    /// <summary><c>--bind ADDRESS</c>: the listen address of every endpoint.</summary>
    public Option<string?> Bind { get; } = new("--bind")
    {
        Description = "Listen address of every endpoint (default 127.0.0.1: loopback only). " +
            "Binding a non-loopback address such as 0.0.0.0 or :: exposes the server to the network.",
        HelpName = "ADDRESS",
        Recursive = true,
    };

    /// <summary><c>--cluster-port PORT</c>: cluster mode on, Akka.Remote on the bind address at PORT.</summary>
    public Option<int?> ClusterPort { get; } = new("--cluster-port")
    {
        Description = "Join an Akka.Cluster: Akka.Remote listens on the bind address (loopback by default) at PORT " +
            "(0 = any free port) and chat becomes cluster-wide. Without it the server is a single node.",
        HelpName = "PORT",
        Recursive = true,
    };

    /// <summary><c>--seed HOST:PORT</c>: a seed node's cluster port, repeatable.</summary>
    public Option<string[]> Seeds { get; } = new("--seed")
    {
        Description = "A seed node to join, HOST:PORT of its --cluster-port. Repeatable. " +
            "A node given no --seed seeds itself (it starts a cluster the others join).",
        HelpName = "HOST:PORT",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        Recursive = true,
    };

    /// <summary><c>--print-config</c>: print the merged, resolved configuration and exit.</summary>
    public Option<bool> PrintConfig { get; } = new("--print-config")
    {
        Description = "Print the merged, resolved configuration as HOCON (Akka's akka.* keys included) and exit.",
    };

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code (see <see cref="HostExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new HostCommandLine(output, error).InvokeAsync(args, cancellationToken);
    }

    /// <summary>
    /// Parses <paramref name="args"/> into <see cref="HostOptions"/> without running anything;
    /// throws <see cref="HostOptionsException"/> with the first problem.
    /// </summary>
    public static HostOptions ParseOptions(params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var commandLine = new HostCommandLine(TextWriter.Null, TextWriter.Null);
        var result = commandLine.Root.Parse(args);
        if (result.Errors.Count > 0)
        {
            throw new HostOptionsException(result.Errors[0].Message);
        }

        return commandLine.ReadOptions(result);
    }

    /// <summary>Parses and runs <paramref name="args"/> on this command tree.</summary>
    public async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = Root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // One line, as for every other startup error; --help has the details.
            await _error.WriteLineAsync($"actorecho: {result.Errors[0].Message} (see --help)").ConfigureAwait(false);
            return HostExitCodes.BadOptions;
        }

        var invocation = new InvocationConfiguration
        {
            Output = _output,
            Error = _error,

            // The host runs Akka's coordinated shutdown on SIGTERM and Ctrl+C itself (ShutdownSignals).
            ProcessTerminationTimeout = null,
        };
        return await result.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the configuration options of a parse of this tree (for the root command and subcommands).</summary>
    public HostOptions ReadOptions(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new HostOptions
        {
            ConfigFile = result.GetValue(ConfigFile),
            Overrides = result.GetValue(Overrides) ?? [],
            BindAddress = ParseAddress(result.GetValue(Bind)),
            ClusterPort = ParseClusterPort(result.GetValue(ClusterPort)),
            Seeds = ParseSeeds(result.GetValue(Seeds) ?? []),
            PrintConfig = result.GetValue(PrintConfig),
        };
    }

    private static IPAddress? ParseAddress(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // Accept the bracketed IPv6 form people copy from URLs: [::1].
        var trimmed = text.Trim().TrimStart('[').TrimEnd(']');
        return IPAddress.TryParse(trimmed, out var address)
            ? address
            : throw new HostOptionsException($"--bind {text}: not an IP address; expected e.g. 127.0.0.1, ::1 or 0.0.0.0");
    }

    private static int? ParseClusterPort(int? port) =>
        port is null or (>= 0 and <= 65535)
            ? port
            : throw new HostOptionsException($"--cluster-port {port}: expected a port between 0 (any free port) and 65535");

    private static string[] ParseSeeds(string[] seeds)
    {
        foreach (var seed in seeds)
        {
            var colon = seed.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(seed[(colon + 1)..], out var port) || port is < 1 or > 65535)
            {
                throw new HostOptionsException($"--seed {seed}: expected HOST:PORT of a node's cluster port, e.g. 127.0.0.1:4053");
            }
        }

        return seeds;
    }

    private async Task<int> RunRootAsync(ParseResult result, CancellationToken cancellationToken)
    {
        HostOptions options;
        try
        {
            options = ReadOptions(result);
        }
        catch (HostOptionsException e)
        {
            await _error.WriteLineAsync("actorecho: " + e.Message).ConfigureAwait(false);
            return HostExitCodes.BadOptions;
        }

        if (options.PrintConfig)
        {
            return await PrintConfigAsync(options).ConfigureAwait(false);
        }

        RunningHost host;
        try
        {
            host = await ServerHost.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (HostOptionsException e)
        {
            await _error.WriteLineAsync("actorecho: " + e.Message).ConfigureAwait(false);
            return HostExitCodes.BadOptions;
        }
        catch (HoconException e)
        {
            await _error.WriteLineAsync("actorecho: configuration error: " + e.Message).ConfigureAwait(false);
            return HostExitCodes.BadConfiguration;
        }
        catch (HostStartupException e)
        {
            await _error.WriteLineAsync("actorecho: " + e.Message).ConfigureAwait(false);
            return HostExitCodes.StartFailed;
        }

        await host.WhenTerminated.ConfigureAwait(false);
        return HostExitCodes.Ok;
    }

    private async Task<int> PrintConfigAsync(HostOptions options)
    {
        try
        {
            var config = HostConfiguration.Load(options);
            await _output.WriteLineAsync(config.ToString()).ConfigureAwait(false);
            return HostExitCodes.Ok;
        }
        catch (HostOptionsException e)
        {
            await _error.WriteLineAsync("actorecho: " + e.Message).ConfigureAwait(false);
            return HostExitCodes.BadOptions;
        }
        catch (HoconException e)
        {
            await _error.WriteLineAsync("actorecho: configuration error: " + e.Message).ConfigureAwait(false);
            return HostExitCodes.BadConfiguration;
        }
    }
}
