namespace ActorEcho.Server.Listeners;

/// <summary>The supervision demo's fault injection: a listener told to fail throws, if the demo setting allows it.</summary>
internal sealed partial class TcpServiceListener
{
    protected override void Unhandled(object message)
    {
        if (message is ListenerFault && _runtime.Settings.AllowCrash)
        {
            throw new ListenerFaultException();
        }

        base.Unhandled(message);
    }
}
