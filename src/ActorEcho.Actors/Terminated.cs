namespace ActorEcho.Actors;

/// <summary>
/// Sent by the kernel to every actor that watches <see cref="ActorRef"/> (see
/// <c>Context.Watch</c>) once that actor has stopped. Also sent when the watched actor was already
/// dead at the time of the Watch, with <see cref="ExistenceConfirmed"/> false. An actor that
/// watches another and does not handle this message fails with <see cref="DeathPactException"/>.
/// </summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor was already gone when the watch began.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed) : INotInfluenceReceiveTimeout;
