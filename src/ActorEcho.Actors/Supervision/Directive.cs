namespace ActorEcho.Actors.Supervision;

/// <summary>What a supervisor does with a child that failed.</summary>
public enum Directive
{
    /// <summary>Keep the actor and its state; the failing message is dropped.</summary>
    Resume,

    /// <summary>Replace the actor instance with a fresh one; the mailbox is kept, the failing message dropped.</summary>
    Restart,

    /// <summary>Stop the actor permanently.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, letting its own supervisor decide.</summary>
    Escalate,
}
