namespace SelfEval.Web.Tests;

/// <summary>
/// The ids of the fixture guides in <c>tests/fixtures/questionnaires/</c>, which infrastructure tests answer
/// instead of the production guides (see <see cref="SelfEvalFactory.WithTestGuides"/>).
/// </summary>
internal static class TestGuides
{
    /// <summary>The guide for founding teams: four sections, a hidden follow-up, a checklist.</summary>
    public const string Aufbau = "test-aufbau";

    /// <summary>The guide for working initiatives, with a context section (aspect kontext).</summary>
    public const string Wirkung = "test-wirkung";

    /// <summary>A section of <see cref="Aufbau"/> whose first question is a scale with "nicht relevant" and "weiß nicht".</summary>
    public const string PartnerSection = "test-partner";

    /// <summary>
    /// The profile fields a start form needs (the only required ones are <c>name</c> and <c>phase</c>, ids the
    /// service itself knows); the production start helpers post more, which the fixture profile ignores.
    /// </summary>
    public static Dictionary<string, string[]> Profile(string name, string phase = "gruendung") => new()
    {
        ["q.name"] = [name], ["q.phase"] = [phase], ["q.test-sitz"] = ["nord"],
    };
}
