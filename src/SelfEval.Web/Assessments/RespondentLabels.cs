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
}
