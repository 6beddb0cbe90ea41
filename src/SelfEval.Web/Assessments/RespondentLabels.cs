namespace SelfEval.Web.Assessments;

public static class RespondentLabels
{
    /// <summary>The names people gave, or "Koordination" and "Person 2", "Person 3" … in the order they joined.</summary>
    public static IReadOnlyDictionary<long, string> For(IReadOnlyList<RespondentRecord> respondents)
    {
        var labels = new Dictionary<long, string>();
        var n = 1;
        foreach (var r in respondents.OrderByDescending(r => r.IsCoordinator).ThenBy(r => r.Id))
        {
            labels[r.Id] = r.Label ?? (r.IsCoordinator ? "Koordination" : $"Person {n}");
            n++;
        }

        return labels;
    }

    /// <summary>
    /// The label under which each person's answers may appear one by one, for those who allow it: the
    /// coordinator (their own answers) and members sharing with their name under <see cref="For"/>, members
    /// sharing without it as "Person A", "Person B" … in <paramref name="pseudonymOrder"/>. Nobody else has one.
    /// </summary>
    public static IReadOnlyDictionary<long, string> Shared(IReadOnlyList<RespondentRecord> respondents, IReadOnlyList<long> pseudonymOrder)
    {
        var names = For(respondents);
        var shared = new Dictionary<long, string>();
        foreach (var r in respondents.Where(r => r.IsCoordinator || r.Sharing == AnswerSharing.Name))
        {
            shared[r.Id] = names[r.Id];
        }

        // A pseudonym never equals a name someone typed: "Person C" must not point at whoever called themselves that.
        var taken = names.Values.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pseudonymous = respondents.Where(r => !r.IsCoordinator && r.Sharing == AnswerSharing.Pseudonym).Select(r => r.Id).ToHashSet();
        var letter = 0;
        foreach (var id in pseudonymOrder.Where(pseudonymous.Contains))
        {
            string pseudonym;
            do
            {
                pseudonym = $"Person {Letters(letter++)}";
            }
            while (taken.Contains(pseudonym));
            shared[id] = pseudonym;
        }

        return shared;
    }

    /// <summary>A, B … Z, then AA, AB …, as spreadsheet columns count.</summary>
    private static string Letters(int index) => index < 26 ? ((char)('A' + index)).ToString() : Letters((index / 26) - 1) + Letters(index % 26);
}
