using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Versions;

/// <summary>What happened to one question between the published version and a draft.</summary>
public enum ChangeKind
{
    /// <summary>New in the draft.</summary>
    Added,

    /// <summary>Gone from the draft, and no <c>renamed</c> entry names its successor.</summary>
    Removed,

    /// <summary>The id changed and a <c>renamed</c> entry maps the old id to the new one.</summary>
    Renamed,

    /// <summary>The question's text changed.</summary>
    Reworded,

    /// <summary>The explanation under the question changed.</summary>
    HelpChanged,

    /// <summary>The answer type changed (e.g. scale to yes/no).</summary>
    TypeChanged,

    /// <summary>Levels or options: values, labels or points.</summary>
    LevelsChanged,

    /// <summary>The question's own weight.</summary>
    WeightChanged,

    /// <summary>What the score counts towards: aspect, dimension, practice/result or reversed.</summary>
    ScoringChanged,

    /// <summary>The <c>when:</c> condition.</summary>
    ConditionChanged,

    /// <summary>The question now stands in another section.</summary>
    SectionMoved,

    /// <summary>The offers the question leads to (<c>offer:</c>, <c>offers:</c>), or the text of one of them in the catalogue.</summary>
    OfferChanged,
}

/// <summary>Why a change makes earlier rounds or carried-over answers mean something else.</summary>
public enum WarningKind
{
    /// <summary>A question is gone without <c>renamed</c>: its earlier answers drop out of trend and comparison.</summary>
    QuestionRemoved,

    /// <summary>Option values are gone without <c>renamed</c>: answers given with them are no longer carried over.</summary>
    OptionsRemoved,

    /// <summary>The answer type changed: earlier answers do not fit the new question.</summary>
    TypeChanged,

    /// <summary>Levels of a scored question were added, removed or rescored: the same answer scores differently.</summary>
    LevelsRescored,

    /// <summary>The weight changed: section and total scores are weighed differently than in earlier rounds.</summary>
    WeightChanged,

    /// <summary>The question counts towards another aspect, dimension or measure, or the other way round.</summary>
    ScoringChanged,
}

/// <summary>One change. <paramref name="Old"/> and <paramref name="New"/> are the guide's own words or values, never a sentence of ours.</summary>
/// <param name="QuestionId">The question's id in the draft; for a removed question its published id.</param>
/// <param name="PublishedId">The published id when it differs (a renamed question); else equal to <paramref name="QuestionId"/>.</param>
public sealed record QuestionChange(ChangeKind Kind, string QuestionId, string? Old, string? New)
{
    public string PublishedId { get; init; } = QuestionId;
}

/// <summary>A change that breaks comparability, with the option values concerned where there are any.</summary>
public sealed record ComparabilityWarning(WarningKind Kind, string QuestionId, IReadOnlyList<string> Values);

/// <summary>The catalogue's offer itself changed (not which question points at it).</summary>
public sealed record OfferChange(ChangeKind Kind, string OfferId, string? Old, string? New);

/// <summary>Everything that differs, in the draft's question order (removed questions where they stood).</summary>
public sealed record GuideDifferences(
    IReadOnlyList<QuestionChange> Changes,
    IReadOnlyList<ComparabilityWarning> Warnings,
    IReadOnlyList<OfferChange> Offers)
{
    public bool None => Changes.Count == 0 && Offers.Count == 0;
}

/// <summary>
/// Compares a draft with the published version of the same guide question by question, following the draft's
/// <c>renamed</c> entries, and says which changes break comparability with earlier rounds.
/// </summary>
public static class GuideComparison
{
    public static GuideDifferences Compare(Questionnaire published, Questionnaire draft, OfferCatalog? publishedOffers, OfferCatalog? draftOffers)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(draft);
        var changes = new List<QuestionChange>();
        var warnings = new List<ComparabilityWarning>();
        var successor = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var old in published.Questions)
        {
            if (draft.FindQuestion(old.Id) is not null)
            {
                successor[old.Id] = old.Id;
            }
            else if (draft.RenamedQuestions.TryGetValue(old.Id, out var newId) && draft.FindQuestion(newId) is not null)
            {
                successor[old.Id] = newId;
            }
        }

        // Two retired questions may be merged into one: it is compared with the first of them.
        var predecessor = successor.GroupBy(p => p.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        var removed = published.Questions.Where(q => !successor.ContainsKey(q.Id)).ToList();

        // A removed question is listed where it stood: after the draft's counterpart of the question before it.
        var after = removed.ToLookup(r => PreviousKept(published, r, successor));
        Remove(after[null]);
        foreach (var question in draft.Questions)
        {
            Compare(question);
            Remove(after[question.Id]);
        }

        return new GuideDifferences(changes, warnings, Offers(publishedOffers, draftOffers));

        void Remove(IEnumerable<Question> gone)
        {
            foreach (var question in gone)
            {
                changes.Add(new QuestionChange(ChangeKind.Removed, question.Id, question.Text, null));
                warnings.Add(new ComparabilityWarning(WarningKind.QuestionRemoved, question.Id, []));
            }
        }

        void Compare(Question question)
        {
            if (!predecessor.TryGetValue(question.Id, out var oldId))
            {
                changes.Add(new QuestionChange(ChangeKind.Added, question.Id, null, question.Text));
                return;
            }

            var old = published.FindQuestion(oldId)!;
            if (oldId != question.Id)
            {
                changes.Add(new QuestionChange(ChangeKind.Renamed, question.Id, oldId, question.Id) { PublishedId = oldId });
            }

            Question(published, old, draft, question, changes, warnings);
        }
    }

    private static string? PreviousKept(Questionnaire published, Question removed, Dictionary<string, string> successor) =>
        published.Questions.TakeWhile(q => q != removed).Where(q => successor.ContainsKey(q.Id)).Select(q => successor[q.Id]).LastOrDefault();

    private static void Question(
        Questionnaire published, Question old, Questionnaire draft, Question now,
        List<QuestionChange> changes, List<ComparabilityWarning> warnings)
    {
        var id = now.Id;
        QuestionChange Change(ChangeKind kind, string? before, string? after) => new(kind, id, before, after) { PublishedId = old.Id };
        void Warn(WarningKind kind, IReadOnlyList<string>? values = null) => warnings.Add(new ComparabilityWarning(kind, id, values ?? []));

        if (Normal(old.Text) != Normal(now.Text))
        {
            changes.Add(Change(ChangeKind.Reworded, old.Text, now.Text));
        }

        if (Normal(old.HelpMarkdown) != Normal(now.HelpMarkdown))
        {
            changes.Add(Change(ChangeKind.HelpChanged, old.HelpMarkdown, now.HelpMarkdown));
        }

        var oldSection = published.SectionOf(old).Id;
        var newSection = draft.SectionOf(now).Id;
        if (oldSection != newSection)
        {
            changes.Add(Change(ChangeKind.SectionMoved, oldSection, newSection));
        }

        if (old.Type != now.Type)
        {
            changes.Add(Change(ChangeKind.TypeChanged, old.Type.Name(), now.Type.Name()));
            Warn(WarningKind.TypeChanged);
        }
        else
        {
            Levels(draft, old, now, changes, Change, Warn);
        }

        if (old.Weight != now.Weight)
        {
            changes.Add(Change(ChangeKind.WeightChanged, Number(old.Weight), Number(now.Weight)));
            if (now.Scored || old.Scored)
            {
                Warn(WarningKind.WeightChanged);
            }
        }

        var oldScoring = Scoring(old);
        var newScoring = Scoring(now);
        if (oldScoring != newScoring)
        {
            changes.Add(Change(ChangeKind.ScoringChanged, oldScoring, newScoring));
            Warn(WarningKind.ScoringChanged);
        }

        if (Normal(old.Condition?.Text) != Normal(now.Condition?.Text))
        {
            changes.Add(Change(ChangeKind.ConditionChanged, old.Condition?.Text, now.Condition?.Text));
        }

        var oldOffers = OfferList(old);
        var newOffers = OfferList(now);
        if (oldOffers != newOffers)
        {
            changes.Add(Change(ChangeKind.OfferChanged, oldOffers, newOffers));
        }
    }

    private static void Levels(
        Questionnaire draft, Question old, Question now, List<QuestionChange> changes,
        Func<ChangeKind, string?, string?, QuestionChange> change, Action<WarningKind, IReadOnlyList<string>?> warn)
    {
        var before = Options(old);
        var after = Options(now);
        if (before != after)
        {
            changes.Add(change(ChangeKind.LevelsChanged, before, after));
        }

        // An old value still means something when the draft offers it or a 'renamed' entry maps it to one it offers.
        var lost = old.Options
            .Select(o => o.Value)
            .Where(v => now.FindOption(v) is null && now.FindOption(draft.CurrentOption(now.Id, v)) is null)
            .ToList();
        if (lost.Count > 0)
        {
            warn(WarningKind.OptionsRemoved, lost);
        }

        if (old.Scored && now.Scored && lost.Count == 0)
        {
            // The same answer must earn the same share of the scale: the points of every old value, and the
            // scale's span (a level added at either end rescales every answer).
            var rescored = old.MinPoints() != now.MinPoints() || old.MaxPoints() != now.MaxPoints()
                || old.Options.Any(o => now.FindOption(draft.CurrentOption(now.Id, o.Value)) is { } n && n.Points != o.Points);
            if (rescored)
            {
                warn(WarningKind.LevelsRescored, null);
            }
        }
    }

    private static decimal MinPoints(this Question q) => q.Options.Count == 0 ? 0 : q.Options.Min(o => o.Points ?? 0);

    private static decimal MaxPoints(this Question q) => q.Options.Count == 0 ? 0 : q.Options.Max(o => o.Points ?? 0);

    private static IReadOnlyList<OfferChange> Offers(OfferCatalog? before, OfferCatalog? after)
    {
        if (before is null || after is null)
        {
            return [];
        }

        var changes = new List<OfferChange>();
        foreach (var offer in after.Offers)
        {
            if (before.Find(offer.Id) is not { } old)
            {
                changes.Add(new OfferChange(ChangeKind.Added, offer.Id, null, offer.Title));
            }
            else if (old.Title != offer.Title)
            {
                changes.Add(new OfferChange(ChangeKind.Reworded, offer.Id, old.Title, offer.Title));
            }
            else if (Normal(old.DescriptionMarkdown) != Normal(offer.DescriptionMarkdown) || old.Provider != offer.Provider
                || old.Contact != offer.Contact || !old.Phases.SequenceEqual(offer.Phases) || !old.GuideIds.SequenceEqual(offer.GuideIds))
            {
                changes.Add(new OfferChange(ChangeKind.OfferChanged, offer.Id, old.Title, offer.Title));
            }
        }

        changes.AddRange(before.Offers.Where(o => after.Find(o.Id) is null).Select(o => new OfferChange(ChangeKind.Removed, o.Id, o.Title, null)));
        return changes;
    }

    private static string Options(Question q) =>
        string.Join("; ", q.Options.Select(o => o.Points is { } p && q.Scored && p.ToString(System.Globalization.CultureInfo.InvariantCulture) != o.Value
            ? $"{o.Value} ({Number(p)}): {o.Label}"
            : $"{o.Value}: {o.Label}"));

    // Written as the author writes the properties, so the office reads them as in the file.
    private static string? Scoring(Question q) => q.Scored
        ? string.Join("; ", new[]
        {
            q.Aspect is { } a ? "aspect: " + a.Name() : null,
            q.Dimension is { } d ? "dimension: " + d.Name() : null,
            q.Measures is { } m ? "measures: " + m.Name() : null,
            q.Reverse ? "reverse: ja" : null,
        }.Where(s => s is not null))
        : null;

    private static string? OfferList(Question q)
    {
        var parts = new[]
        {
            q.MainOfferId is { } main ? "offer: " + main : null,
            q.OfferIds.Count > 0 ? "offers: " + string.Join(", ", q.OfferIds) : null,
        }.Where(s => s is not null).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Number(decimal d) => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string Normal(string? text) => string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
