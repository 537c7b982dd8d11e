using Microsoft.Extensions.Logging;

namespace ActorEcho.TestKit.Tests.Actors;

/// <summary>Asks a <see cref="LoggingActor"/> to log <paramref name="Text"/> at <paramref name="Level"/>.</summary>
internal sealed record LogRequest(LogLevel Level, string Text);
