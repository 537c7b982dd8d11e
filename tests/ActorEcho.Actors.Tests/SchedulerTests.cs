using System.Runtime.CompilerServices;
using ActorEcho.Actors.Scheduling;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>The kernel's real-time scheduler: once, repeatedly, cancel. Short real delays, bounded waits.</summary>
public sealed class SchedulerTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(30);

    [Fact]
    public void ScheduleTellOnce_Should_DeliverOnceWithTheGivenSender()
    {
        var sender = CreateTestProbe();

        Sys.Scheduler.ScheduleTellOnce(Short, TestActor, "once", sender.Ref);

        ExpectMsgFrom(sender.Ref, "once");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void ScheduleTellRepeatedly_Should_DeliverUntilCancelled()
    {
        var task = Sys.Scheduler.ScheduleTellRepeatedly(Short, Short, TestActor, "tick", null);

        Assert.Equal(["tick", "tick", "tick"], ReceiveN(3).Cast<string>());
        task.Cancel();
        Assert.True(task.IsCancellationRequested);

        // A tick that was already firing when Cancel ran may still land; after that, silence.
        ReceiveWhile<string>(m => m as string, TimeSpan.FromSeconds(1), idle: TimeSpan.FromMilliseconds(150));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Cancel_Should_PreventADeliveryThatIsNotDueYet()
    {
        var task = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(200), TestActor, "never", null);

        task.Cancel();

        Assert.True(task.IsCancellationRequested);
        ExpectNoMsg(TimeSpan.FromMilliseconds(400));
    }

    [Fact]
    public void ScheduleOnce_Should_RunTheAction()
    {
        Sys.Scheduler.ScheduleOnce(Short, () => TestActor.Tell("ran", null));

        ExpectMsg("ran");
    }

    [Fact]
    public void ScheduleRepeatedly_Should_RunTheActionUntilCancelled()
    {
        var count = 0;
        var task = Sys.Scheduler.ScheduleRepeatedly(Short, Short, () =>
        {
            if (Interlocked.Increment(ref count) == 3)
            {
                TestActor.Tell("third", null);
            }
        });

        ExpectMsg("third");
        task.Cancel();
        var afterCancel = Volatile.Read(ref count);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.InRange(Volatile.Read(ref count), afterCancel, afterCancel + 1);
    }

    [Fact]
    public void ScheduleRepeatedly_Should_RejectANonPositiveInterval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sys.Scheduler.ScheduleTellRepeatedly(Short, TimeSpan.Zero, TestActor, "x", null));
    }

    [Fact]
    public void MonotonicClock_Should_NeverGoBackwards()
    {
        var previous = Sys.Scheduler.MonotonicClock;
        for (var i = 0; i < 10_000; i++)
        {
            var now = Sys.Scheduler.MonotonicClock;
            Assert.True(now >= previous);
            previous = now;
        }
    }

    [Fact]
    public void SpentItems_Should_NotKeepWhatTheyWouldHaveDelivered()
    {
        // Callers keep the cancellable for a long time (a connection keeps its register timer's):
        // once cancelled or fired, it must not pin the message, the action or the timer.
        var (cancelled, cancelledMessage) = ScheduleAndCancel(Sys.Scheduler, TestActor);
        var (fired, firedAction) = ScheduleToFire(Sys.Scheduler, TestActor);

        ExpectMsg("fired");
        AwaitCondition(() =>
        {
            GC.Collect();
            return !cancelledMessage.IsAlive && !firedAction.IsAlive;
        });
        GC.KeepAlive(cancelled);
        GC.KeepAlive(fired);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ICancelable Handle, WeakReference Message) ScheduleAndCancel(IScheduler scheduler, IActorRef target)
    {
        var message = new byte[1000];
        var handle = scheduler.ScheduleTellOnce(TimeSpan.FromMinutes(5), target, message, null);
        handle.Cancel();
        return (handle, new WeakReference(message));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ICancelable Handle, WeakReference Action) ScheduleToFire(IScheduler scheduler, IActorRef target)
    {
        var payload = new byte[1000];
        Action action = () => target.Tell(payload.Length > 0 ? "fired" : "empty", null);
        return (scheduler.ScheduleOnce(Short, action), new WeakReference(action));
    }
}
