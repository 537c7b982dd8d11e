using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Dispatch.MessageQueues;
using Akka.IO;
using ActorEcho.Host.Tests.Support;
using ActorEcho.Server.Mailboxes;

namespace ActorEcho.Host.Tests;

/// <summary>
/// Which mailbox Akka gives each kind of actor under the host's configuration: the compact mailbox
/// for plain actors (our handlers) and for Akka.IO's connection actors, which ask Akka for unbounded
/// semantics and get what <c>akka.actor.mailbox.requirements</c> maps that to; Akka's own deque
/// mailbox, untouched, for an actor that stashes.
/// </summary>
public sealed class MailboxSpecs(ITestOutputHelper output) : HostSpec(output)
{
    [Fact]
    public void PlainActor_Should_GetTheCompactMailbox()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Replier()), "plain");

        actor.Tell("ping");
        ExpectMsg("ping");
        Assert.IsType<CompactUnboundedMessageQueue>(QueueOf(actor));
    }

    [Fact]
    public void AkkaIoConnectionActor_Should_GetTheCompactMailbox_ThroughItsRequirement()
    {
        Sys.Tcp().Tell(new Tcp.Bind(TestActor, new IPEndPoint(IPAddress.Loopback, 0)), TestActor);
        var bound = ExpectMsg<Tcp.Bound>();
        using var client = new TcpClient(AddressFamily.InterNetwork);
        client.Connect((IPEndPoint)bound.LocalAddress);

        ExpectMsg<Tcp.Connected>();
        var connection = LastSender;
        Assert.IsType<CompactUnboundedMessageQueue>(QueueOf(connection));

        // And it works on it: a write reaches the client.
        connection.Tell(new Tcp.Register(TestActor), TestActor);
        connection.Tell(Tcp.Write.Create(ByteString.FromString("hi")), TestActor);
        var buffer = new byte[2];
        client.GetStream().ReadExactly(buffer);
        Assert.Equal("hi"u8.ToArray(), buffer);
    }

    [Fact]
    public void StashingActor_Should_KeepAkkasDequeMailbox_AndStash()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Stasher()), "stasher");

        actor.Tell("first");
        actor.Tell("second");
        actor.Tell("open");
        ExpectMsg("first");
        ExpectMsg("second");
        Assert.IsType<UnboundedDequeMessageQueue>(QueueOf(actor));
    }

    private static IMessageQueue QueueOf(IActorRef actor)
    {
        var cell = Assert.IsType<ActorCell>(Assert.IsAssignableFrom<ActorRefWithCell>(actor).Underlying);
        return cell.Mailbox!.MessageQueue;
    }

    private sealed class Replier : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message);
    }

    /// <summary>Stashes everything until "open", then replays it to whoever sent it.</summary>
    private sealed class Stasher : UntypedActor, IWithUnboundedStash
    {
        private bool _open;

        public IStash Stash { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            if (message is "open")
            {
                _open = true;
                Stash.UnstashAll();
            }
            else if (!_open)
            {
                Stash.Stash();
            }
            else
            {
                Sender.Tell(message);
            }
        }
    }
}
