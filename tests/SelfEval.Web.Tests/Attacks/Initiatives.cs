using SelfEval.Web.Office;

namespace SelfEval.Web.Tests.Attacks;

/// <summary>Initiatives made through the real start, answer and coordinator pages, as anyone on the internet could.</summary>
internal static class Initiatives
{
    /// <summary>
    /// Starts an assessment of the guide (the fixture guide <see cref="TestGuides.Aufbau"/> unless told) with the given profile, answers every question at one level
    /// (0 = the first option, 1 = the last), optionally enters a comparison code, and closes the round (unless told not to).
    /// </summary>
    public static async Task<string> CreateAsync(
        HttpClient client, string name, double level, string? code = null, string phase = "aufbau", string land = "ni",
        string rechtsform = "ev", string coordinatorName = "", string text = "Notiz", bool optIn = true, bool close = true,
        string guide = TestGuides.Aufbau)
    {
        var start = await client.PageAsync($"/start/{guide}");
        var form = start.Form("form.answer-form");
        var created = await client.SubmitAsync(form, form.AskedIn(new Dictionary<string, string[]>(ProductionGuides.Profile(land, rechtsform))
        {
            ["q.name"] = [name], ["q.phase"] = [phase], ["CoordinatorName"] = [coordinatorName], ["OptIn"] = [optIn ? "true" : "false"],
        }));
        var token = created.Location()[3..46];
        var next = (await client.GetAsync($"/a/{token}")).Location(); // the guide's first section, whatever it is called
        while (!next.Contains("abschluss", StringComparison.Ordinal))
        {
            var page = await client.PageAsync(next);
            var set = page.QuerySelectorAll("[data-question]:not([hidden])").ToDictionary(
                f => "q." + f.GetAttribute("data-question"),
                f =>
                {
                    // The answer's own text box, not the evidence note every scored question offers beside its levels.
                    if (f.QuerySelector($"textarea[name='q.{f.GetAttribute("data-question")}']") is not null)
                    {
                        return new[] { text };
                    }

                    var options = f.QuerySelectorAll("input[type=radio], input[type=checkbox]").Select(i => i.GetAttribute("value")!).Where(v => v != "__nr").ToList();
                    return options.Count == 0 ? [] : new[] { options[(int)Math.Min(options.Count - 1, Math.Floor(level * options.Count))] };
                });
            next = (await client.SubmitAsync(page.Form("#antworten"), set, "go=weiter")).Location();
        }

        if (code is not null)
        {
            var joined = await client.SubmitAsync((await client.PageAsync($"/k/{token}")).Form("form[action*=Comparison]"), new Dictionary<string, string[]> { ["Code"] = [code], ["optIn"] = [optIn ? "true" : "false"] });
            Assert.Equal($"/k/{token}?notice={(optIn ? "CodeSaved" : "CodeWithoutConsent")}#vergleich", joined.Location());
        }

        if (close)
        {
            await client.CloseRoundAsync(token);
        }

        return token;
    }

    public static string Code(IServiceProvider services) =>
        ComparisonCodeStore.Format(((ComparisonCodeStore)services.GetService(typeof(ComparisonCodeStore))!).Issue(1)[0]);
}
