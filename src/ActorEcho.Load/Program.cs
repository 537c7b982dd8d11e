Console.Error.WriteLine("ActorEcho.Load: not built yet.");
return 1;
