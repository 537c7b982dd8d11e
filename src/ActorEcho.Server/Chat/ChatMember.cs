namespace ActorEcho.Server.Chat;

/// <summary>What the <see cref="ChatHub"/> knows of one session.</summary>
internal sealed class ChatMember
{
    public ChatMember(long sessionNumber, string nick)
    {
        SessionNumber = sessionNumber;
        Nick = nick;
    }

    public long SessionNumber { get; }

    public string Nick { get; set; }

    public ChatRoom? Room { get; set; }
}
