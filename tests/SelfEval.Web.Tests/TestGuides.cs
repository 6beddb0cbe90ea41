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

    /// <summary>The first section of <see cref="Aufbau"/>: two scales (one with own levels and no "weiß nicht"), a free text, a multi.</summary>
    public const string GoalsSection = "test-ziele";

    /// <summary>The optional free text of <see cref="GoalsSection"/>, shown under "Ihre Ziele" in the profile.</summary>
    public const string GoalsText = "test-ziele-text";

    /// <summary>The profile's section (the production profile's is <c>profil</c>).</summary>
    public const string ProfileSection = "test-profil";

    /// <summary>A section of <see cref="Aufbau"/> whose first question is a scale with "nicht relevant" and "weiß nicht".</summary>
    public const string PartnerSection = "test-partner";

    /// <summary>
    /// The profile fields a start form needs (the only required ones are <c>name</c> and <c>phase</c>, ids the
    /// service itself knows); the shared start helpers post <c>name</c> and <c>phase</c> with
    /// <see cref="ProductionGuides.Profile"/> through <see cref="Forms.AskedIn"/>, which leaves out what the fixture profile does not ask.
    /// </summary>
    public static Dictionary<string, string[]> Profile(string name, string phase = "gruendung") => new()
    {
        ["q.name"] = [name], ["q.phase"] = [phase], ["q.test-sitz"] = ["nord"],
    };
}
