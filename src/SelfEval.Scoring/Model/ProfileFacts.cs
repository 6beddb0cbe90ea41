namespace SelfEval.Scoring.Model;

/// <summary>What the shared profile says about an initiative, read the same way everywhere.</summary>
public static class ProfileFacts
{
    /// <summary>The profile question every guide starts with.</summary>
    public const string NameQuestion = "name";

    public const string Unnamed = "Ihre Initiative";

    public static string InitiativeName(IReadOnlyDictionary<string, Answer> profile) =>
        profile.TryGetValue(NameQuestion, out var answer) && answer is Answer.Text { Value.Length: > 0 } text ? text.Value : Unnamed;
}
