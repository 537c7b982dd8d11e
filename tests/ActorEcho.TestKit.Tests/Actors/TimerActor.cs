using ActorEcho.Actors.Timers;

namespace ActorEcho.TestKit.Tests.Actors;

/// <summary>Starts a periodic timer of interval whose ticks it reports to listener.</summary>
internal sealed class TimerActor : ReceiveActor, IWithTimers
{
    public TimerActor(IActorRef listener, TimeSpan interval)
    {
        Receive<string>(s => s == "start", _ =>
        {
            Timers.StartPeriodicTimer("tick", "tick", interval);
            Sender.Tell("started", Self);
        });
        Receive<string>(s => s == "tick", s => listener.Tell(s, Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;
}
