global using ActorEcho.Actors;
