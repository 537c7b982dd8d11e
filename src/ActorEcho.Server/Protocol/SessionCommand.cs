namespace ActorEcho.Server.Protocol;

/// <summary>
/// A command a client typed on a TCP session, as produced by <see cref="CommandParser"/>. Every
/// command of the protocol is a nested sealed record; commands without arguments are
/// <c>Instance</c> singletons. Arguments have been checked for form (e.g. nick characters), but
/// not against server state (e.g. nick uniqueness): that is the session's job.
/// </summary>
public abstract record SessionCommand
{
    private protected SessionCommand()
    {
    }

    /// <summary><c>/time</c>: reply with the UTC time in ISO-8601 with milliseconds.</summary>
    public sealed record Time : SessionCommand
    {
        private Time()
        {
        }

        /// <summary>The only instance.</summary>
        public static Time Instance { get; } = new();
    }

    /// <summary><c>/nick NAME</c>: change this session's nick.</summary>
    /// <param name="Name">The new nick, already valid per <see cref="NameRules"/>.</param>
    public sealed record Nick(string Name) : SessionCommand;

    /// <summary><c>/join [ROOM]</c>: leave the current room (if any) and join this one.</summary>
    /// <param name="Room">The room, already valid per <see cref="NameRules"/>; <see cref="NameRules.DefaultRoom"/> when none was typed.</param>
    public sealed record Join(string Room) : SessionCommand;

    /// <summary><c>/leave</c>: leave the current room.</summary>
    public sealed record Leave : SessionCommand
    {
        private Leave()
        {
        }

        /// <summary>The only instance.</summary>
        public static Leave Instance { get; } = new();
    }

    /// <summary><c>/say TEXT</c>: send a line to the room, exactly like a plain line.</summary>
    /// <param name="Text">The text, never empty or only whitespace.</param>
    public sealed record Say(string Text) : SessionCommand;

    /// <summary><c>/msg NICK TEXT</c>: send a private message to one session.</summary>
    /// <param name="To">The recipient's nick as typed (the session looks it up case-insensitively).</param>
    /// <param name="Text">The text, never empty or only whitespace.</param>
    public sealed record Msg(string To, string Text) : SessionCommand;

    /// <summary>
    /// <c>/who [ROOM]</c>: list the nicks of <paramref name="Room"/>; without one, of the current room,
    /// or of every session outside a room.
    /// </summary>
    /// <param name="Room">The room as typed, or null for the sender's own view.</param>
    public sealed record Who(string? Room) : SessionCommand
    {
        /// <summary><c>/who</c> without a room.</summary>
        public static Who Instance { get; } = new((string?)null);
    }

    /// <summary><c>/rooms</c>: list the rooms with their member counts.</summary>
    public sealed record Rooms : SessionCommand
    {
        private Rooms()
        {
        }

        /// <summary>The only instance.</summary>
        public static Rooms Instance { get; } = new();
    }

    /// <summary><c>/stats</c>: reply with the server counters.</summary>
    public sealed record Stats : SessionCommand
    {
        private Stats()
        {
        }

        /// <summary>The only instance.</summary>
        public static Stats Instance { get; } = new();
    }

    /// <summary><c>/help</c>: list the commands.</summary>
    public sealed record Help : SessionCommand
    {
        private Help()
        {
        }

        /// <summary>The only instance.</summary>
        public static Help Instance { get; } = new();
    }

    /// <summary><c>/quit</c>: reply <c>BYE</c> and close the connection.</summary>
    public sealed record Quit : SessionCommand
    {
        private Quit()
        {
        }

        /// <summary>The only instance.</summary>
        public static Quit Instance { get; } = new();
    }

    /// <summary>
    /// <c>/crash</c>: throw inside the session actor to demonstrate supervision. Only produced when
    /// the caller allows it (<c>actorecho.demo.allow-crash = on</c>); otherwise it is an unknown command.
    /// </summary>
    public sealed record Crash : SessionCommand
    {
        private Crash()
        {
        }

        /// <summary>The only instance.</summary>
        public static Crash Instance { get; } = new();
    }
}
