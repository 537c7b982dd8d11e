namespace ActorEcho.Host;

/// <summary>The host's process exit codes.</summary>
public static class HostExitCodes
{
    /// <summary>Normal shutdown (Ctrl+C, SIGTERM, or <c>--print-config</c> done).</summary>
    public const int Ok = 0;

    /// <summary>Bad command-line options (unknown option, malformed <c>-D</c>, bad <c>--bind</c> address).</summary>
    public const int BadOptions = 1;

    /// <summary>The configuration could not be read, parsed, resolved or validated.</summary>
    public const int BadConfiguration = 2;

    /// <summary>The server could not start, e.g. an endpoint's port is already in use.</summary>
    public const int StartFailed = 3;
}
