using ActorEcho.Server.Protocol;

namespace ActorEcho.Server.Tests.Protocol;

public sealed class NameRulesTests
{
    private const string Rule = "use 1-32 letters, digits, '_' or '-', starting with a letter";

    [Theory]
    [InlineData("a")]
    [InlineData("Bob")]
    [InlineData("guest-12")]
    [InlineData("x_y-z0")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void Valid_names_Should_pass_for_nicks_and_rooms(string name)
    {
        Assert.True(NameRules.IsValidNick(name, out var nickError), nickError);
        Assert.True(NameRules.IsValidRoom(name, out var roomError), roomError);
    }

    [Theory]
    [InlineData("", "empty nick; " + Rule)]
    [InlineData("1abc", "nick '1abc' must start with a letter; " + Rule)]
    [InlineData("_abc", "nick '_abc' must start with a letter; " + Rule)]
    [InlineData("-abc", "nick '-abc' must start with a letter; " + Rule)]
    [InlineData("a b", "nick 'a b' contains ' '; " + Rule)]
    [InlineData("a.b", "nick 'a.b' contains '.'; " + Rule)]
    [InlineData("a\u0001b", "nick 'a?b' contains a control character; " + Rule)]
    [InlineData("zoë", "nick 'zoë' contains a non-ASCII character; " + Rule)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "nick 'abcdefghijklmnopqrstuvwxyz0123456' is too long (33 characters, max 32); " + Rule)]
    public void Invalid_nick_Should_say_what_is_wrong_and_what_is_right(string nick, string expected)
    {
        Assert.False(NameRules.IsValidNick(nick, out var error));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void Invalid_room_Should_name_the_room_in_the_error()
    {
        Assert.False(NameRules.IsValidRoom("#general", out var error));

        Assert.Equal("room name '#general' must start with a letter; " + Rule, error);
    }

    [Fact]
    public void Default_nick_Should_be_guest_n_and_valid()
    {
        var nick = NameRules.DefaultNick(42);

        Assert.Equal("guest-42", nick);
        Assert.True(NameRules.IsValidNick(nick, out _));
    }

    [Fact]
    public void Comparer_Should_ignore_case()
    {
        Assert.True(NameRules.Comparer.Equals("Bob", "bOB"));
        Assert.Equal(NameRules.Comparer.GetHashCode("Lobby"), NameRules.Comparer.GetHashCode("LOBBY"));
        Assert.False(NameRules.Comparer.Equals("bob", "bob2"));
    }

    [Fact]
    public void Default_room_Should_be_lobby()
    {
        Assert.Equal("lobby", NameRules.DefaultRoom);
        Assert.True(NameRules.IsValidRoom(NameRules.DefaultRoom, out _));
    }
}
