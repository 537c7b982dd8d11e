using ActorEcho.Actors.Supervision;
using static ActorEcho.Actors.Tests.Support.Protocol;

namespace ActorEcho.Actors.Tests.Support;

/// <summary>
/// A general-purpose test actor that reports every lifecycle hook (and its constructor) to a
/// probe, keeps a counter ("inc"/"get") to show whether its state survived, creates children on
/// request, throws on <see cref="Fail"/> and reports anything else it receives as <see cref="Seen"/>.
/// </summary>
internal sealed class Probed : ReceiveActor
{
    private readonly string _name;
    private readonly IActorRef _probe;
    private readonly SupervisorStrategy? _strategy;
    private readonly int _instance;
    private int _count;

    public Probed(string name, IActorRef probe, SupervisorStrategy? strategy = null, InstanceCounter? instances = null)
    {
        _name = name;
        _probe = probe;
        _strategy = strategy;
        _instance = instances?.Next() ?? 0;
        probe.Tell(new Hook(name, "ctor"), Self);
        Receive<Spawn>(s => Sender.Tell(Context.ActorOf(s.Props, s.Name)));
        Receive<Fail>(f => throw f.Cause);
        Receive<string>(s => s == "inc", _ => _count++);
        Receive<string>(s => s == "get", _ => Sender.Tell(_count));
        Receive<string>(s => s == "children", _ => Sender.Tell(Context.Children.Count));
        ReceiveAny(m => _probe.Tell(new Seen(_name, m, _instance), Self));
    }

    /// <summary>Props for a <see cref="Probed"/> actor.</summary>
    public static Props Create(string name, IActorRef probe, SupervisorStrategy? strategy = null, InstanceCounter? instances = null) =>
        Actors.Props.Create(() => new Probed(name, probe, strategy, instances));

    protected override SupervisorStrategy SupervisorStrategy() => _strategy ?? base.SupervisorStrategy();

    protected override void PreStart() => _probe.Tell(new Hook(_name, "preStart"), Self);

    protected override void PostStop() => _probe.Tell(new Hook(_name, "postStop"), Self);

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell(new Hook(_name, "preRestart", $"{reason.Message}|{message?.GetType().Name}"), Self);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell(new Hook(_name, "postRestart", reason.Message), Self);
        base.PostRestart(reason);
    }
}
