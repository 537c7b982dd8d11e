namespace ActorEcho.Host.Demos;

/// <summary>The server lines the demos wait for, as PROTOCOL.md spells them.</summary>
internal static class DemoLines
{
    public const string Reset = "NOTICE session state was reset after an internal error";

    public const string Stopped = "ERR session stopped after repeated internal errors";

    public const string DroppedPrefix = "NOTICE dropped ";

    public const string DroppedSuffix = " messages; you are reading too slowly";

    public const string Disconnected = "NOTICE disconnected: you are reading too slowly";
}
