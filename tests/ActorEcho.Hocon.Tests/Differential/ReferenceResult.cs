namespace ActorEcho.Hocon.Tests.Differential;

/// <summary>What the reference implementation made of one document: JSON, or an error message.</summary>
public sealed record ReferenceResult(string? Json, string? Error);
