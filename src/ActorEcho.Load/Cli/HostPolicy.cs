using System.Net;
using System.Net.Sockets;

namespace ActorEcho.Load.Cli;

/// <summary>
/// Decides which targets a load run may hit: loopback by default, or one address the user typed
/// literally. Host names other than <c>localhost</c> are refused because resolving them would
/// aim load at addresses nobody named, and wildcard or broadcast addresses are never a single host.
/// </summary>
internal static class HostPolicy
{
    public static bool TryResolve(string text, out IPAddress address, out string error)
    {
        address = IPAddress.Loopback;
        error = "";
        var trimmed = text.Trim();
        if (string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var literal = trimmed.StartsWith('[') && trimmed.EndsWith(']') ? trimmed[1..^1] : trimmed;
        if (!IPAddress.TryParse(literal, out var parsed) || !LooksLikeLiteral(literal))
        {
            error = $"--host '{text}' is not an IP address; give a loopback address (127.0.0.1, ::1), 'localhost', or type the exact IP address of the one server to load";
            return false;
        }

        if (parsed.Equals(IPAddress.Any) || parsed.Equals(IPAddress.IPv6Any) || parsed.Equals(IPAddress.Broadcast) ||
            (parsed.AddressFamily == AddressFamily.InterNetworkV6 && parsed.IsIPv6Multicast) ||
            (parsed.AddressFamily == AddressFamily.InterNetwork && (parsed.GetAddressBytes()[0] & 0xF0) == 0xE0))
        {
            error = $"--host '{text}' is a wildcard, broadcast or multicast address; name one server's address (default 127.0.0.1)";
            return false;
        }

        address = parsed;
        return true;
    }

    /// <summary>
    /// <see cref="IPAddress.TryParse(string, out IPAddress)"/> also accepts shorthand such as "10" or
    /// "1.2"; only dotted quads and IPv6 text count as an address the user typed on purpose.
    /// </summary>
    private static bool LooksLikeLiteral(string text) =>
        text.Contains(':', StringComparison.Ordinal) || text.Split('.').Length == 4;
}
