namespace SelfEval.Web.Tests;

/// <summary>
/// The ids of the production guides in <c>questionnaires/</c>, for the tests of their content only
/// (<see cref="SelfEvalFactory.WithProductionGuides"/>); infrastructure tests use <see cref="TestGuides"/>.
/// </summary>
internal static class ProductionGuides
{
    /// <summary>The guide for founding teams.</summary>
    public const string Aufstellen = "sich-gut-aufstellen";

    /// <summary>The guide for working initiatives.</summary>
    public const string Wirkung = "wirkung-entfalten";

    /// <summary>
    /// The production profile's required answers beside <c>name</c> and <c>phase</c>, which the shared start helpers post
    /// through <see cref="Forms.AskedIn"/>: the fixture profile does not ask them, so there they are left out.
    /// </summary>
    public static Dictionary<string, string[]> Profile(string land = "ni", string rechtsform = "ev") => new()
    {
        ["q.ausrichtung"] = ["mischform"], ["q.rechtsform"] = [rechtsform], ["q.land"] = [land], ["q.radius"] = ["regional"],
        ["q.personal"] = ["ehrenamtlich"],
    };
}
