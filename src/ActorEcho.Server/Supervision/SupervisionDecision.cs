namespace ActorEcho.Server.Supervision;

/// <summary>
/// Published on the actor system's event stream each time one of the server's supervisors decides
/// what to do with a failed child: the demos and tests subscribe to it instead of scraping logs.
/// It reports what the decider chose; when Akka's retry budget is spent the child is stopped even
/// though the directive reads <c>Restart</c>.
/// </summary>
/// <param name="Supervisor">The supervisor's actor path.</param>
/// <param name="Child">The failed child's actor path.</param>
/// <param name="Directive">Akka's directive: Resume, Restart, Stop or Escalate.</param>
/// <param name="Cause">The failure's message.</param>
public sealed record SupervisionDecision(string Supervisor, string Child, string Directive, string Cause);
