namespace ActorEcho.TestKit.Internal;

/// <summary>What a <see cref="TestActorCommand"/> asks the test actor to do.</summary>
internal enum TestActorCommandKind
{
    Watch,
    Unwatch,
}
