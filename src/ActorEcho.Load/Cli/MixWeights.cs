using System.Globalization;

namespace ActorEcho.Load.Cli;

/// <summary>Relative share of clients per workload in a <c>mix</c> run.</summary>
internal sealed record MixWeights(int Echo, int Time, int Chat, int Udp)
{
    /// <summary>echo 60 / time 20 / chat 10 / udp 10.</summary>
    public static MixWeights Default { get; } = new(60, 20, 10, 10);

    public int Total => Echo + Time + Chat + Udp;

    /// <summary>Parses <c>echo=60,time=20,chat=10,udp=10</c>; kinds left out weigh zero.</summary>
    public static bool TryParse(string text, out MixWeights weights, out string error)
    {
        int echo = 0, time = 0, chat = 0, udp = 0;
        weights = Default;
        error = "";
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            error = "--mix is empty; expected e.g. echo=60,time=20,chat=10,udp=10";
            return false;
        }

        foreach (var part in parts)
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !int.TryParse(part.AsSpan(eq + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var w))
            {
                error = $"--mix entry '{part}' is not NAME=WEIGHT with a non-negative whole weight (e.g. echo=60)";
                return false;
            }

            switch (part[..eq].ToUpperInvariant())
            {
                case "ECHO": echo = w; break;
                case "TIME": time = w; break;
                case "CHAT": chat = w; break;
                case "UDP": udp = w; break;
                default:
                    error = $"--mix names unknown workload '{part[..eq]}'; mixable are echo, time, chat, udp";
                    return false;
            }
        }

        weights = new MixWeights(echo, time, chat, udp);
        if (weights.Total == 0)
        {
            error = "--mix weights add up to zero; give at least one workload a positive weight";
            return false;
        }

        return true;
    }

    public override string ToString() => $"echo={Echo},time={Time},chat={Chat},udp={Udp}";
}
