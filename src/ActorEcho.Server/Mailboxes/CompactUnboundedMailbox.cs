using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace ActorEcho.Server.Mailboxes;

/// <summary>
/// Akka's unbounded mailbox semantics (FIFO, any number of senders, one consumer) without its
/// fixed per-actor cost: <see cref="UnboundedMailbox"/>'s <c>ConcurrentQueue</c> allocates a
/// 32-slot segment, about 1 KiB, for every actor at creation, and a server that holds 10,000 idle
/// connections holds 20,000 such mailboxes (each connection's handler and Akka.IO's connection
/// actor). <see cref="CompactUnboundedMessageQueue"/> allocates nothing until the first message and
/// gives its buffer back once it is empty. Configured as Akka's default mailbox in
/// <c>hocon/actorecho.conf</c> (<c>akka.actor.default-mailbox.mailbox-type</c>); actors that require
/// other semantics (a deque for stashing, say) still get the mailbox mapped to that requirement.
/// </summary>
public sealed class CompactUnboundedMailbox : MailboxType, IProducesMessageQueue<CompactUnboundedMessageQueue>
{
    /// <summary>The constructor Akka calls for a mailbox type named in configuration.</summary>
    /// <param name="settings">The actor system's settings.</param>
    /// <param name="config">This mailbox's configuration section.</param>
    public CompactUnboundedMailbox(Settings settings, Config config)
        : base(settings, config)
    {
    }

    /// <inheritdoc />
    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new CompactUnboundedMessageQueue();
}
