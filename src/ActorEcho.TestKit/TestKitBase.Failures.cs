using System.Globalization;
using ActorEcho.TestKit.Internal;

namespace ActorEcho.TestKit;

// How failures read: what was expected, what arrived instead (message, type, sender) or that
// nothing did, how long was waited, and the caller's hint.
public abstract partial class TestKitBase
{
    private protected static TestKitAssertionException Fail(string text, string? hint, Exception? inner = null)
    {
        var message = string.IsNullOrEmpty(hint) ? text : $"{text}. Hint: {hint}";
        return inner is null ? new TestKitAssertionException(message) : new TestKitAssertionException(message, inner);
    }

    private protected static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private protected static string Describe(object? message) => message switch
    {
        null => "null",
        string s => $"\"{s}\" (String)",
        _ => $"{message} ({message.GetType().Name})",
    };

    private static string Describe(MessageEnvelope envelope) => $"{Describe(envelope.Message)} from {envelope.Sender}";

    private static string DescribeAll(IEnumerable<object?> messages) => "[" + string.Join(", ", messages.Select(Describe)) + "]";

    /// <summary>
    /// Runs a core written once for both forms: in the synchronous form every wait blocks, so the
    /// returned task is already complete and no thread-pool thread is needed to finish it.
    /// </summary>
    private static T RunSync<T>(ValueTask<T> task) =>
        task.IsCompleted ? task.GetAwaiter().GetResult() : task.AsTask().GetAwaiter().GetResult();

    private static void RunSync(ValueTask task)
    {
        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
        }
        else
        {
            task.AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Explains the most common silent failure: test code told an actor something without a
    /// sender (<c>actor.Tell(msg)</c> outside an actor has none), so its reply went to dead letters.
    /// </summary>
    private string LostRepliesNote()
    {
        var lost = _sink.LostReplies();
        if (lost.Count == 0)
        {
            return string.Empty;
        }

        var examples = string.Join(", ", lost.Select(l => $"{Describe(l.Message)} from {l.Sender}"));
        return $" (meanwhile replies went to dead letters because their request had no sender: {examples};"
            + " send with the test actor as sender, e.g. actor.Tell(msg, TestActor))";
    }

    private static string TypeName<T>() => typeof(T).Name;
}
