using System.Collections.Concurrent;

namespace SelfEval.Web.Office;

/// <summary>
/// Failed office logins per client address in a sliding window. A client that failed too often is refused
/// until its oldest failures leave the window. It replaces a lockout per account, which let anyone lock the
/// office out by failing with its user names; an address that keeps guessing only locks out itself.
/// </summary>
/// <remarks>
/// Not a System.Threading.RateLimiting limiter: those count every request and run on their own timers,
/// whereas this counts only failures and follows the injected clock.
/// </remarks>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Beyond this many addresses the stale ones are swept, so a spray of addresses cannot fill the memory.
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public bool IsThrottled(string client)
    {
        if (!_failures.TryGetValue(client, out var failures))
        {
            return false;
        }

        lock (failures)
        {
            Forget(failures, clock.GetUtcNow());
            return failures.Count >= MaxFailures;
        }
    }

    public void RecordFailure(string client)
    {
        var now = clock.GetUtcNow();
        var failures = _failures.GetOrAdd(client, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Forget(failures, now);
            failures.Enqueue(now);
        }

        if (_failures.Count > SweepAbove)
        {
            Sweep(now);
        }
    }

    private static void Forget(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() <= now - Window)
        {
            failures.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (client, failures) in _failures)
        {
            lock (failures)
            {
                Forget(failures, now);
                if (failures.Count == 0)
                {
                    _failures.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(client, failures));
                }
            }
        }
    }
}
