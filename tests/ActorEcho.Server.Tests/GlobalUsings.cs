global using Akka.Actor;
global using Akka.IO;
global using Akka.TestKit;
