using Akka.Actor;

namespace ActorEcho.Server.Chat;

/// <summary>One room inside the <see cref="ChatHub"/>: its canonical name (as first spelled) and its members in join order.</summary>
internal sealed class ChatRoom
{
    public ChatRoom(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public List<IActorRef> Members { get; } = [];
}
