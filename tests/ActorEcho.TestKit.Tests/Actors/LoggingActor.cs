using Microsoft.Extensions.Logging;

namespace ActorEcho.TestKit.Tests.Actors;

/// <summary>Logs a <see cref="LogRequest"/> at its level through the actor logger, then replies "logged".</summary>
internal sealed class LoggingActor : ReceiveActor
{
    public LoggingActor()
    {
        var log = Context.GetLogger();
        Receive<LogRequest>(r =>
        {
#pragma warning disable CA2254, CA1848 // The template is the test's input; speed is irrelevant here.
            log.Log(r.Level, r.Text);
#pragma warning restore CA2254, CA1848
            Sender.Tell("logged", Self);
        });
    }
}
