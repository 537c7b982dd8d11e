using ActorEcho.Server.Chat;
using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Sessions;

/// <summary>Command execution and chat: what a session does with each parsed line.</summary>
internal sealed partial class SessionActor
{
    private void Execute(string line)
    {
        if (!CommandParser.TryParse(line, Settings.AllowCrash, out var command, out var error))
        {
            Reply(ServerReplies.Error(error));
            return;
        }

        switch (command)
        {
            case SessionCommand.Time:
                Reply(ServerReplies.Time(_runtime.Time.GetUtcNow()));
                break;
            case SessionCommand.Help:
                Reply(ServerReplies.Help);
                break;
            case SessionCommand.Stats:
                Reply(ServerReplies.Stats(_runtime.Counters.Snapshot()));
                break;
            case SessionCommand.Quit:
                BeginClose(ServerReplies.Bye, "quit");
                break;
            case SessionCommand.Crash:
                throw new SessionCrashException();
            case SessionCommand.Nick nick:
                if (NameLimit.Check("nick", nick.Name, Settings.Chat.MaxNameLength) is { } tooLongNick)
                {
                    Reply(ServerReplies.Error(tooLongNick));
                    break;
                }

                Ask(new ChatProtocol.ChangeNick(_session.NextRequestId(), nick.Name));
                break;
            case SessionCommand.Join join:
                if (NameLimit.Check("room name", join.Room, Settings.Chat.MaxNameLength) is { } tooLongRoom)
                {
                    Reply(ServerReplies.Error(tooLongRoom));
                    break;
                }

                // A join always succeeds, and the lines after it must already count as room lines.
                _room = join.Room;
                Ask(new ChatProtocol.Join(_session.NextRequestId(), join.Room));
                break;
            case SessionCommand.Leave:
                if (_room is not { } room)
                {
                    Reply(ServerReplies.NotInRoom);
                    break;
                }

                _room = null;
                Hub.Tell(ChatProtocol.Leave.Instance, Self);
                Reply(ServerReplies.Left(room));
                break;
            case SessionCommand.Say say:
                if (_room is null)
                {
                    Reply(ServerReplies.NotInRoom);
                    break;
                }

                SendChat(say.Text);
                break;
            case SessionCommand.Msg msg:
                if (!Limiter.TryAcquire())
                {
                    Reply(ServerReplies.RateLimited(Settings.Chat.RateLimit));
                    break;
                }

                Ask(new ChatProtocol.PrivateMessage(_session.NextRequestId(), msg.To, msg.Text));
                break;
            case SessionCommand.Who who:
                Ask(new ChatProtocol.Who(_session.NextRequestId(), who.Room));
                break;
            case SessionCommand.Rooms:
                Ask(new ChatProtocol.Rooms(_session.NextRequestId()));
                break;
            default:
                // Every SessionCommand is handled above; a new one must be added here deliberately.
                Reply(ServerReplies.UnknownCommand(line));
                break;
        }
    }

    private void SendChat(string text)
    {
        if (!Limiter.TryAcquire())
        {
            Reply(ServerReplies.RateLimited(Settings.Chat.RateLimit));
            return;
        }

        _saysInFlight++;
        Hub.Tell(new ChatProtocol.Say(text), Self);
    }

    /// <summary>Sends a request the hub answers and pauses input until the answer comes.</summary>
    private void Ask(object request)
    {
        _pendingRequest = request switch
        {
            ChatProtocol.ChangeNick r => r.RequestId,
            ChatProtocol.Join r => r.RequestId,
            ChatProtocol.PrivateMessage r => r.RequestId,
            ChatProtocol.Who r => r.RequestId,
            ChatProtocol.Rooms r => r.RequestId,
            _ => throw new ArgumentException($"{request.GetType().Name} is not a hub request", nameof(request)),
        };
        Hub.Tell(request, Self);
    }

    private void OnHubAnswer(long requestId, object answer)
    {
        if (requestId != _pendingRequest)
        {
            // The answer to a request of an earlier incarnation: that question is gone.
            return;
        }

        _pendingRequest = 0;
        switch (answer)
        {
            case ChatProtocol.NickChanged changed:
                _nick = changed.Nick;
                Reply(ServerReplies.NickChanged(changed.Nick));
                break;
            case ChatProtocol.Joined joined:
                _room = joined.Room;
                Reply(ServerReplies.Joined(joined.Room, joined.Members));
                break;
            case ChatProtocol.Reply { Line.IsEmpty: false } reply:
                Reply(reply.Line);
                break;
        }

        ProcessInput();
    }
}
