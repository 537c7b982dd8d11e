namespace ActorEcho.Actors;

/// <summary>
/// A behaviour: handles <paramref name="message"/> and returns true, or returns false to let
/// the actor's <c>Unhandled</c> deal with it.
/// </summary>
public delegate bool Receive(object message);
