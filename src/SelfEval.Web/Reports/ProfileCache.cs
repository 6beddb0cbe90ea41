using Microsoft.Extensions.Caching.Memory;
using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports;

/// <summary>A round's profile and its PDF, rendered once when first asked for. The page renders its components from the report.</summary>
public sealed class RenderedProfile
{
    private readonly Lazy<byte[]> _pdf;

    public RenderedProfile(ProfileReport report, IProfileRenderer pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        Report = report;
        _pdf = new(() => pdf.Render(report));
    }

    public ProfileReport Report { get; }

    public byte[] Pdf => _pdf.Value;
}

/// <summary>
/// The last profile built for each round, kept for as long as the key it was built under still holds: a
/// repeated view, a download after the view and a print are answered without reading and scoring the round
/// again. The key names everything the profile is made from (see <see cref="ProfileService"/>), so a changed
/// answer or a new comparison snapshot makes a new key and the old profile is never shown again.
/// </summary>
public sealed class ProfileCache : IDisposable
{
    /// <summary>About 0.3 MB each (report, page fragment, PDF): a bound for the memory, not a quota.</summary>
    public const int Rounds = 100;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(20);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Rounds });
    private readonly Lock _lock = new();

    private sealed record Entry(object Key, Lazy<RenderedProfile> Profile);

    /// <summary>The profile of a round built under <paramref name="key"/>, building it once when the key is new.</summary>
    public RenderedProfile Get(long roundId, object key, Func<RenderedProfile> build)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(build);
        Entry? entry;
        lock (_lock)
        {
            // Concurrent first views of the same key share one build, which runs outside the lock.
            if (!_entries.TryGetValue(roundId, out entry) || !entry!.Key.Equals(key))
            {
                entry = new Entry(key, new Lazy<RenderedProfile>(build));
                _entries.Set(roundId, entry, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
            }
        }

        return entry.Profile.Value;
    }

    public void Dispose() => _entries.Dispose();
}
