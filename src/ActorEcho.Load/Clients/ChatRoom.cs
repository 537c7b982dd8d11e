using ActorEcho.Load.Metrics;

namespace ActorEcho.Load.Clients;

/// <summary>
/// One chat room of the run: its members, and the two barriers they meet at: everyone joined
/// (before anyone sends, so nobody misses a line by joining late) and every sender done
/// (before receivers work out what they should have seen).
/// </summary>
internal sealed class ChatRoom
{
    private readonly TaskCompletionSource _allJoined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _deliveries = new();

    // Per line (sender and seq): how many members have it so far, and the slowest of them.
    private readonly Dictionary<long, (int Count, long SlowestUs)> _inFlight = [];
    private int _joinPending;
    private int _sendPending;

    public ChatRoom(string name, int size, int senders)
    {
        Name = name;
        Members = new ChatClient[size];
        Senders = Math.Min(senders, size);
        _joinPending = size;
        _sendPending = size;
    }

    public string Name { get; }

    public ChatClient[] Members { get; }

    /// <summary>Members with an index below this send; the rest only listen.</summary>
    public int Senders { get; }

    public Task AllJoined => _allJoined.Task;

    public Task AllSent => _allSent.Task;

    /// <summary>Called once per member when it joined, or gave up joining.</summary>
    public void JoinSettled()
    {
        if (Interlocked.Decrement(ref _joinPending) == 0)
        {
            _allJoined.TrySetResult();
        }
    }

    /// <summary>Called once per member when it will send nothing more.</summary>
    public void SendingSettled()
    {
        if (Interlocked.Decrement(ref _sendPending) == 0)
        {
            _allSent.TrySetResult();
        }
    }

    /// <summary>
    /// Send → last delivery: for every line that reached every other member, the latency of the
    /// slowest of them (the time until the whole room had it). Read after the run.
    /// </summary>
    public LatencyHistogram LastDelivery { get; } = new();

    /// <summary>A member got line <paramref name="seq"/> of member <paramref name="sender"/> after <paramref name="latencyUs"/>.</summary>
    public void Delivered(int sender, long seq, long latencyUs)
    {
        var key = ((long)sender << 40) | seq;
        lock (_deliveries)
        {
            var (count, slowest) = _inFlight.GetValueOrDefault(key);
            count++;
            slowest = Math.Max(slowest, latencyUs);
            if (count >= Members.Length - 1)
            {
                _inFlight.Remove(key);
                LastDelivery.Record(slowest);
            }
            else
            {
                _inFlight[key] = (count, slowest);
            }
        }
    }

    /// <summary>Lines each member has sent so far, indexed by member.</summary>
    public long[] SentCounts() => Members.Select(m => m?.SentLines ?? 0).ToArray();
}
