namespace ActorEcho.Host.Demos;

/// <summary>Thrown by a demo step whose observation contradicts the claim; the runner reports it as FAIL.</summary>
internal sealed class DemoCheckException : Exception
{
    public DemoCheckException()
    {
    }

    public DemoCheckException(string message)
        : base(message)
    {
    }

    public DemoCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
