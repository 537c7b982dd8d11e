namespace ActorEcho.Load.Runner;

/// <summary>Running totals for the live display, summed over clients without locks.</summary>
internal sealed record ProgressSnapshot(TimeSpan Elapsed, int Clients, int Connected, long Messages, long Bytes, long Errors);
