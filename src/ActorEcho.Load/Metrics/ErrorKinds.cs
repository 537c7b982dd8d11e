namespace ActorEcho.Load.Metrics;

/// <summary>Names and iteration helpers for <see cref="ErrorKind"/>.</summary>
internal static class ErrorKinds
{
    public static readonly ErrorKind[] All = Enum.GetValues<ErrorKind>();

    public static int Count => All.Length;

    /// <summary>The kebab-case name used in tables and JSON (<c>connect-refused</c>).</summary>
    public static string Name(ErrorKind kind) => kind switch
    {
        ErrorKind.Mismatch => "mismatch",
        ErrorKind.Timeout => "timeout",
        ErrorKind.Parse => "parse",
        ErrorKind.ConnectRefused => "connect-refused",
        ErrorKind.ConnectFailed => "connect-failed",
        ErrorKind.Disconnected => "disconnected",
        ErrorKind.Duplicate => "duplicate",
        ErrorKind.Missing => "missing",
        ErrorKind.Unexpected => "unexpected",
        ErrorKind.Reordered => "reordered",
        _ => kind.ToString(),
    };

    public static bool IsConnectFailure(ErrorKind kind) => kind is ErrorKind.ConnectRefused or ErrorKind.ConnectFailed;
}
