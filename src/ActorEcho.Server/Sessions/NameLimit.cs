using System.Globalization;
using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Sessions;

/// <summary>
/// The configurable name length (<c>chat.max-name-length</c>) on top of <see cref="NameRules"/>, which
/// already enforces the protocol's hard maximum of 32 and the character rules.
/// </summary>
internal static class NameLimit
{
    /// <summary>The error (without <c>ERR </c>) for a nick or room name longer than <paramref name="max"/>, or null when it fits.</summary>
    public static string? Check(string what, string name, int max) =>
        name.Length <= max
            ? null
            : string.Create(
                CultureInfo.InvariantCulture,
                $"{what} '{ProtocolErrors.Quote(name)}' is too long ({name.Length} characters, max {max}); use 1-{max} letters, digits, '_' or '-', starting with a letter");
}
