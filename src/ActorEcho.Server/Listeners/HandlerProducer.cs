using Akka.Actor;

namespace ActorEcho.Server.Listeners;

/// <summary>
/// Creates a connection handler by calling its constructor, through Akka's
/// <see cref="IIndirectActorProducer"/> (<c>Props.CreateBy</c>). The listener builds one Props per
/// accepted connection, and the usual <c>Props.Create(() =&gt; new Handler(args))</c> costs more than
/// the connection itself: Akka reads the arguments out of the expression tree, compiling a
/// <c>DynamicMethod</c> for any argument that is not a plain captured variable, and then creates
/// the actor (and every restarted incarnation) through reflection. A trace of 10,000 connections
/// accepted by the echo endpoint showed the expression parsing and the finalizers of those dynamic
/// methods among the busiest frames of the whole server.
/// </summary>
/// <typeparam name="TActor">The handler's actor type.</typeparam>
internal sealed class HandlerProducer<TActor> : IIndirectActorProducer
    where TActor : ActorBase
{
    private readonly Func<TActor> _create;

    /// <param name="create">Makes a fresh instance on every call: the first incarnation and each restart.</param>
    public HandlerProducer(Func<TActor> create)
    {
        _create = create;
    }

    public Type ActorType => typeof(TActor);

    public ActorBase Produce() => _create();

    public void Release(ActorBase actor)
    {
        // Nothing to give back: the handler owns nothing the producer created.
    }

    /// <summary>Props for a handler made by <paramref name="create"/>.</summary>
    public static Props Props(Func<TActor> create) => Akka.Actor.Props.CreateBy(new HandlerProducer<TActor>(create));
}
