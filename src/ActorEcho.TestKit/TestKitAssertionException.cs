using Xunit.Sdk;

namespace ActorEcho.TestKit;

/// <summary>A failed TestKit expectation: xunit reports it as an assertion failure with this message.</summary>
public sealed class TestKitAssertionException : XunitException
{
    /// <summary>Creates the failure with its full message.</summary>
    public TestKitAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the failure with its full message and the exception that caused it.</summary>
    public TestKitAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
