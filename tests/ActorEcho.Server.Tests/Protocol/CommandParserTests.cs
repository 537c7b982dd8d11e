using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Tests.Protocol;

public sealed class CommandParserTests
{
    private const string Rule = "use 1-32 letters, digits, '_' or '-', starting with a letter";

    public static TheoryData<string, SessionCommand> ValidCommands => new()
    {
        { "/time", SessionCommand.Time.Instance },
        { "/TIME", SessionCommand.Time.Instance },
        { "/Time  ", SessionCommand.Time.Instance },
        { "/nick bob", new SessionCommand.Nick("bob") },
        { "/NICK Bob_the-2nd", new SessionCommand.Nick("Bob_the-2nd") },
        { "/nick\tbob\t", new SessionCommand.Nick("bob") },
        { "/join", new SessionCommand.Join("lobby") },
        { "/join dev", new SessionCommand.Join("dev") },
        { "/Join   Dev ", new SessionCommand.Join("Dev") },
        { "/leave", SessionCommand.Leave.Instance },
        { "/say hello", new SessionCommand.Say("hello") },
        { "/say  two  spaces kept inside ", new SessionCommand.Say("two  spaces kept inside ") },
        { "/say /not a command", new SessionCommand.Say("/not a command") },
        { "/msg bob hi there", new SessionCommand.Msg("bob", "hi there") },
        { "/MSG  bob   hi", new SessionCommand.Msg("bob", "hi") },
        { "/who", SessionCommand.Who.Instance },
        { "/who dev", new SessionCommand.Who("dev") },
        { "/WHO  Dev ", new SessionCommand.Who("Dev") },
        { "/rooms", SessionCommand.Rooms.Instance },
        { "/stats", SessionCommand.Stats.Instance },
        { "/help", SessionCommand.Help.Instance },
        { "/quit", SessionCommand.Quit.Instance },
        { "/QuIt", SessionCommand.Quit.Instance },
    };

    [Theory]
    [MemberData(nameof(ValidCommands))]
    public void Valid_command_Should_parse(string line, SessionCommand expected)
    {
        Assert.True(CommandParser.TryParse(line, allowCrash: false, out var command, out var error), error);

        Assert.Equal(expected, command);
    }

    public static TheoryData<string, string> Errors => new()
    {
        { "/foo", "unknown command '/foo'; try /help" },
        { "/foo bar baz", "unknown command '/foo'; try /help" },
        { "/", "unknown command '/'; try /help" },
        { "/ time", "unknown command '/'; try /help" },
        { "/timex", "unknown command '/timex'; try /help" },
        { "/crash", "unknown command '/crash'; try /help" },
        { "no slash", "unknown command 'no'; try /help" },
        { "/time now", "wrong arguments; usage: /time" },
        { "/leave lobby", "wrong arguments; usage: /leave" },
        { "/who two rooms", "wrong arguments; usage: /who [ROOM]" },
        { "/rooms x", "wrong arguments; usage: /rooms" },
        { "/stats x", "wrong arguments; usage: /stats" },
        { "/help me", "wrong arguments; usage: /help" },
        { "/quit now", "wrong arguments; usage: /quit" },
        { "/nick", "wrong arguments; usage: /nick NAME" },
        { "/nick   ", "wrong arguments; usage: /nick NAME" },
        { "/nick two words", "wrong arguments; usage: /nick NAME" },
        { "/nick 9lives", "nick '9lives' must start with a letter; " + Rule },
        { "/nick bad!", "nick 'bad!' contains '!'; " + Rule },
        { "/nick héllo", "nick 'héllo' contains a non-ASCII character; " + Rule },
        { "/nick " + new string('a', 33), "nick '" + new string('a', 33) + "' is too long (33 characters, max 32); " + Rule },
        { "/join two rooms", "wrong arguments; usage: /join [ROOM]" },
        { "/join #dev", "room name '#dev' must start with a letter; " + Rule },
        { "/join dev.ops", "room name 'dev.ops' contains '.'; " + Rule },
        { "/say", "nothing to say; usage: /say TEXT" },
        { "/say    ", "nothing to say; usage: /say TEXT" },
        { "/msg", "wrong arguments; usage: /msg NICK TEXT" },
        { "/msg bob", "wrong arguments; usage: /msg NICK TEXT" },
        { "/msg bob   ", "wrong arguments; usage: /msg NICK TEXT" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Bad_command_Should_return_the_error_text(string line, string expected)
    {
        Assert.False(CommandParser.TryParse(line, allowCrash: false, out var command, out var error));

        Assert.Null(command);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("/crash")]
    [InlineData("/CRASH")]
    public void Crash_Should_parse_only_when_allowed(string line)
    {
        Assert.True(CommandParser.TryParse(line, allowCrash: true, out var command, out _));
        Assert.Same(SessionCommand.Crash.Instance, command);

        Assert.False(CommandParser.TryParse(line, allowCrash: false, out _, out var error));
        Assert.Equal($"unknown command '{line}'; try /help", error);
    }

    [Fact]
    public void Crash_with_arguments_Should_be_a_usage_error_when_allowed()
    {
        Assert.False(CommandParser.TryParse("/crash hard", allowCrash: true, out _, out var error));

        Assert.Equal("wrong arguments; usage: /crash", error);
    }

    [Fact]
    public void Unknown_command_Should_quote_long_or_control_input_safely()
    {
        Assert.False(CommandParser.TryParse("/" + new string('z', 100) + "\u0007", allowCrash: false, out _, out var error));

        Assert.Equal("unknown command '/" + new string('z', 39) + "...'; try /help", error);
    }

    [Fact]
    public void Parameterless_commands_Should_be_singletons()
    {
        CommandParser.TryParse("/who", false, out var first, out _);
        CommandParser.TryParse("/WHO", false, out var second, out _);

        Assert.Same(first, second);
    }
}
