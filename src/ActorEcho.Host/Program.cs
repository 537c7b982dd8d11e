// The console host arrives with the server (issue 5). Until then it says so plainly.
Console.Error.WriteLine("ActorEcho.Host: the server is not built yet; see README.md for the current state.");
return 1;
