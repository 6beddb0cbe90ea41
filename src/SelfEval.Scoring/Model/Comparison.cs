namespace SelfEval.Scoring.Model;

/// <summary>
/// One group of a comparison dimension, e.g. "nord" / "Norden (SH, HH, HB, NI, MV)".
/// A group of a choice question lists the options it gathers; a group of a number question is a
/// range of whole numbers, open below (<see cref="From"/> null) or above (<see cref="To"/> null).
/// </summary>
/// <param name="Value">What the office stores and puts in URLs; never changes once used.</param>
/// <param name="Label">What the office reads.</param>
public sealed record ComparisonGroup(string Value, string Label)
{
    /// <summary>The option values of the choice question that fall into this group; empty for number groups.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Smallest whole number of a number group, inclusive; null when open below or a choice group.</summary>
    public decimal? From { get; init; }

    /// <summary>Largest whole number of a number group, inclusive; null when open above or a choice group.</summary>
    public decimal? To { get; init; }

    /// <summary>True for a range of a number question (at least one bound; the loader never builds an unbounded one).</summary>
    public bool IsRange => From is not null || To is not null;

    internal bool Contains(Answer answer) => answer switch
    {
        Answer.Choice c => Options.Contains(c.Value, StringComparer.Ordinal),
        // The bounds are whole numbers and the ranges meet without a gap, so a fraction belongs
        // to the group of its whole part: 1999.5 is "bis 1999", as the office always counted it.
        Answer.Number n when IsRange => (From is not { } from || Math.Floor(n.Value) >= from) && (To is not { } to || Math.Floor(n.Value) <= to),
        _ => false,
    };
}

/// <summary>
/// A profile question the office may compare by, with the groups its answers fall into,
/// e.g. "region" / "Region" from the question "land".
/// </summary>
/// <param name="Key">What the office stores and puts in URLs; never changes once used.</param>
/// <param name="Label">What the office reads.</param>
/// <param name="QuestionId">The profile question whose answer decides the group.</param>
/// <param name="Groups">In the order of the file; every possible answer falls into exactly one.</param>
public sealed record ComparisonDimension(string Key, string Label, string QuestionId, IReadOnlyList<ComparisonGroup> Groups)
{
    /// <summary>The group value of an answer; null when there is no answer or it falls into no group.</summary>
    public string? Classify(Answer? answer) =>
        answer is null ? null : Groups.FirstOrDefault(g => g.Contains(answer))?.Value;

    public ComparisonGroup? Find(string value) => Groups.FirstOrDefault(g => g.Value == value);
}

/// <summary>
/// The comparison dimensions declared in the profile file, in the order of the file. The same for
/// every guide answered with that profile; empty when the profile declares none.
/// </summary>
public sealed record ComparisonGroups(IReadOnlyList<ComparisonDimension> Dimensions)
{
    public static ComparisonGroups None { get; } = new([]);

    public ComparisonDimension? Find(string key) => Dimensions.FirstOrDefault(d => d.Key == key);

    /// <summary>
    /// Dimension key → group value for the given profile answers (question id → answer).
    /// A dimension is absent when its question is unanswered, "nicht relevant", or answered with
    /// something no group holds (an option of an older version, say).
    /// </summary>
    public IReadOnlyDictionary<string, string> Classify(IReadOnlyDictionary<string, Answer> profileAnswers)
    {
        ArgumentNullException.ThrowIfNull(profileAnswers);
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dimension in Dimensions)
        {
            if (dimension.Classify(profileAnswers.GetValueOrDefault(dimension.QuestionId)) is { } value)
            {
                groups[dimension.Key] = value;
            }
        }

        return groups;
    }

    /// <summary>
    /// The label of a group; the value itself when the dimension or group is not declared (any more),
    /// so data stored under an older declaration still reads.
    /// </summary>
    public string Label(string dimensionKey, string value) => Find(dimensionKey)?.Find(value)?.Label ?? value;
}
