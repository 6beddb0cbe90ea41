using System.Text.RegularExpressions;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Tests.Loading;

/// <summary>
/// The guides in questionnaires/ against the rules the content has to keep: loadable, every scored
/// question fully tagged, a size that fits about 25 minutes, the shared profile that defines the
/// comparison groups.
/// </summary>
public sealed partial class RealQuestionnaireTests
{
    private static readonly LoadResult Folder = QuestionnaireLoader.Load(
        Directory.EnumerateFiles(Fixtures.RepositoryQuestionnaires(), "*.md")
            .Where(f => !char.IsUpper(Path.GetFileName(f)[0]))
            .Select(f => SourceFile.FromBytes(Path.GetFileName(f), File.ReadAllBytes(f))));

    // Lines per seed document, so that every source reference can be checked without the seeds at hand.
    private static readonly Dictionary<string, int> SeedLines = new()
    {
        ["000"] = 9747, ["001"] = 59, ["002"] = 6, ["003"] = 12, ["004"] = 1163,
    };

    public static TheoryData<string> Guides => new() { "sich-gut-aufstellen", "wirkung-entfalten" };

    private static Questionnaire Guide(string id) => Folder.Questionnaires.Single(q => q.Id == id);

    [GeneratedRegex(@"(\d{3}):(\d+)(?:-(\d+))?")]
    private static partial Regex SourceRef();

    [Fact]
    public void The_folder_loads_without_errors_and_holds_both_guides()
    {
        Assert.Empty(Folder.Errors.Select(e => e.ToString()));
        Assert.Equal(["sich-gut-aufstellen", "wirkung-entfalten"], Folder.Questionnaires.Select(q => q.Id).Order());
        Assert.NotNull(Folder.Offers);
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void A_guide_has_25_to_45_scored_questions(string id)
    {
        Assert.InRange(Guide(id).ScoredQuestions.Count(), 25, 45);
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void Every_scored_question_has_aspect_dimension_measures_weight_hint_a_main_offer_and_source(string id)
    {
        Assert.All(Guide(id).ScoredQuestions, q =>
        {
            Assert.NotNull(q.Aspect);
            Assert.NotNull(q.Dimension);
            Assert.NotNull(q.Measures);
            Assert.True(q.Weight > 0, q.Id);
            Assert.False(string.IsNullOrWhiteSpace(q.SupportHint), q.Id);
            Assert.NotNull(q.MainOfferId);
            Assert.False(string.IsNullOrWhiteSpace(q.Source), q.Id);
        });
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void Every_source_reference_points_into_an_existing_seed_range(string id)
    {
        var references = Guide(id).Questions.Where(q => q.Source is not null).SelectMany(q => SourceRef().Matches(q.Source!).Select(m => (q.Id, m)));
        Assert.All(references, r =>
        {
            var (question, m) = r;
            Assert.True(SeedLines.TryGetValue(m.Groups[1].Value, out var lines), $"{question}: unknown seed {m.Value}");
            var from = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
            Assert.True(from >= 1 && from <= to && to <= lines, $"{question}: {m.Value} is outside 1–{lines}");
        });
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void Every_scored_section_says_what_it_is_about(string id)
    {
        var scoredSections = Guide(id).Sections.Where(s => s.Questions.Any(q => q.Scored)).ToList();

        Assert.InRange(scoredSections.Count, 8, 16);
        Assert.All(scoredSections, s => Assert.False(string.IsNullOrWhiteSpace(s.IntroMarkdown), s.Id));
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void No_set_of_answer_levels_serves_more_than_a_quarter_of_a_guides_scored_questions(string id)
    {
        var scored = Guide(id).ScoredQuestions.ToList();
        var largest = scored
            .GroupBy(q => string.Join(" | ", q.Options.Select(o => o.Label)), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .First();

        Assert.True(largest.Count() * 4 <= scored.Count, $"{id}: {largest.Count()} of {scored.Count} questions answer with „{largest.Key}“");
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void Levels_run_from_worst_to_best_and_say_one_thing_each(string id)
    {
        Assert.All(Guide(id).ScoredQuestions.Where(q => q.HasOwnLevels || q.Type == QuestionType.Scale), q =>
        {
            var points = q.Options.Select(o => o.Points!.Value).ToList();
            Assert.Equal(points.Order(), points);
            Assert.InRange(points.Count, 3, 5);
            Assert.False(q.Reverse, $"{q.Id}: levels already run from worst to best");
        });
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void A_respondent_needs_at_most_30_minutes_for_the_questions_they_see(string id)
    {
        var range = SelfEval.Scoring.Answering.TimeEstimate.Range(Guide(id));

        Assert.True(range.MaxSeconds <= 30 * 60, $"{id}: up to {range.MaxSeconds / 60:0.0} minutes");
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void A_guide_asks_its_goals_first_and_measures_results_against_them(string id)
    {
        var guide = Guide(id);
        var first = guide.Sections.First(s => !s.IsProfile);

        Assert.Contains(first.Questions, q => q.Type is QuestionType.Text or QuestionType.LongText && q.Text.Contains("Ziel", StringComparison.Ordinal));
        Assert.Contains(first.Questions, q => q.Id == "vorrangige-zielgruppen");
        Assert.InRange(guide.ScoredQuestions.Count(q => q.Measures == Measure.Result), 4, 12);
        Assert.Contains(guide.ScoredQuestions, q => q.Id == "ziele-erreicht" && q.Measures == Measure.Result);
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void Every_question_about_how_others_see_the_region_offers_weiss_nicht(string id)
    {
        var context = Guide(id).ScoredQuestions.Where(q => q.Aspect == Aspect.Kontext).ToList();

        Assert.NotEmpty(context);
        Assert.All(context, q => Assert.True(q.AllowsDontKnow, q.Id));
    }

    /// <summary>
    /// Questions of "Sich gut aufstellen" that presume a running initiative (members, a history, results), each with
    /// the line of the report that says so; a founding team must not be asked them.
    /// </summary>
    public static TheoryData<string, string> PresumeARunningInitiative => new()
    {
        { "neue-mitglieder-einbinden", "000:1468-1472" },
        { "austausch-mitglieder", "000:4018-4019" },
        { "aktiver-kern", "000:4402-4404" },
        { "uebergabe-personalwechsel", "000:1069-1073" },
        { "weiterfuehrung-geklaert", "000:4408-4412" },
        { "uebergabe-bei-ende", "000:987-993" },
        { "erfolgskontrolle-regelmaessig", "000:4019-4021" },
        { "ergebnisse-teilen", "000:4019-4021" },
        { "ziele-erreicht", "000:4035-4036" },
        { "meilensteine-erreicht", "000:4016-4017" },
        { "massnahmen-umgesetzt", "000:4038-4039" },
        { "zielgruppen-erreicht", "000:4027-4029" },
        { "mitglieder-entwicklung", "000:4402-4404" },
        { "arbeitsfaehigkeit-erreicht", "000:2973-2976" },
        { "bestandsaufnahme", "000:2845-2847" },
    };

    [Theory]
    [MemberData(nameof(PresumeARunningInitiative))]
    public void A_founding_team_is_not_asked_what_presumes_a_running_initiative(string question, string because)
    {
        var guide = Guide("sich-gut-aufstellen");
        Assert.NotNull(guide.FindQuestion(question));
        var founding = new Dictionary<string, Answer> { ["phase"] = new Answer.Choice("gruendung") };

        // Whatever else a founding team answers, the question stays hidden.
        foreach (var orientation in new[] { "politisch-strategisch", "praktisch-projektorientiert", "mischform" })
        {
            foreach (var form in guide.FindQuestion("rechtsform")!.Options.Select(o => o.Value))
            {
                var answers = new Dictionary<string, Answer>(founding) { ["ausrichtung"] = new Answer.Choice(orientation), ["rechtsform"] = new Answer.Choice(form) };
                Assert.False(Visibility.Of(guide, answers).Questions.Contains(question) && Visibility.Of(guide, answers).Sections.Contains(guide.SectionOf(guide.FindQuestion(question)!).Id), $"{question} ({because}) is shown to a founding team ({orientation}, {form})");
            }
        }
    }

    [Fact]
    public void Every_scored_question_of_a_running_initiative_in_sich_gut_aufstellen_is_on_the_list()
    {
        // A question the phase hides from a founding team must be on the list, with the report line that says why.
        var guide = Guide("sich-gut-aufstellen");
        var listed = PresumeARunningInitiative.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var founding = Visibility.Of(guide, new Dictionary<string, Answer> { ["phase"] = new Answer.Choice("gruendung") });
        bool ByPhase(Condition? c) => c?.AnyOf.SelectMany(all => all).Any(clause => clause.QuestionId == "phase") == true;
        var hidden = guide.ScoredQuestions
            .Where(q => ByPhase(q.Condition) || ByPhase(guide.SectionOf(q).Condition))
            .Where(q => !founding.Questions.Contains(q.Id) || !founding.Sections.Contains(guide.SectionOf(q).Id))
            .Select(q => q.Id)
            .Where(q => !listed.Contains(q))
            .ToList();

        Assert.Equal([], hidden);
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void A_guide_uses_all_four_aspects_and_both_dimensions(string id)
    {
        var scored = Guide(id).ScoredQuestions.ToList();

        Assert.Equal(Enum.GetValues<Aspect>(), scored.Select(q => q.Aspect!.Value).Distinct().Order());
        Assert.Equal(Enum.GetValues<Dimension>(), scored.Select(q => q.Dimension!.Value).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void The_minutes_in_the_front_matter_agree_with_the_computed_time_within_30_percent(string id)
    {
        // The start page shows the computed range; "minutes" stays as the author's check on it.
        var guide = Guide(id);
        var range = SelfEval.Scoring.Answering.TimeEstimate.Range(guide);
        var computed = (range.MinSeconds + range.MaxSeconds) / 2 / 60;

        Assert.True(
            guide.EstimatedMinutes >= computed * 0.7 && guide.EstimatedMinutes <= computed * 1.3,
            $"{id}: minutes {guide.EstimatedMinutes}, computed {range.MinSeconds / 60:0.0}–{range.MaxSeconds / 60:0.0} ({range.FromMinutes}–{range.ToMinutes})");
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void Both_guides_start_with_the_shared_profile_that_defines_the_comparison_groups(string id)
    {
        var profile = Guide(id).Sections[0];

        Assert.True(profile.IsProfile);
        Assert.Superset(
            new HashSet<string> { "name", "phase", "ausrichtung", "rechtsform", "land", "radius", "gruendungsjahr", "mitglieder", "personal" },
            profile.Questions.Select(q => q.Id).ToHashSet());
        Assert.Equal(
            ["gruendung", "aufbau", "etabliert", "neuausrichtung"],
            profile.Questions.Single(q => q.Id == "phase").Options.Select(o => o.Value));
        Assert.Equal(16, profile.Questions.Single(q => q.Id == "land").Options.Count);
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void Questions_are_plain_questions_in_the_sie_form(string id)
    {
        Assert.All(Guide(id).Questions.Where(q => !q.IsProfile), q =>
        {
            Assert.EndsWith("?", q.Text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\b(du|dein|deine|euer|eure)\b", q.Text.ToLowerInvariant());
            Assert.True(q.Text.Length <= 200, $"{q.Id} is {q.Text.Length} characters long");
        });
    }

    [Fact]
    public void Every_offer_of_the_catalogue_is_recommended_by_at_least_one_question()
    {
        var used = Folder.Questionnaires.SelectMany(q => q.Questions).SelectMany(q => q.OfferIds.Append(q.MainOfferId)).OfType<string>().ToHashSet();

        // An entry that is one guide stands there so the other guide can point to it and its own respondents never get it;
        // whether the other guide names it is that guide's choice, not a dead entry.
        var unused = Folder.Offers!.Offers.Where(o => o.GuideIds.Count != 1).Select(o => o.Id).Where(o => !used.Contains(o)).ToArray();

        Assert.Equal([], unused);
    }

    [Fact]
    public void The_examples_in_the_format_documentation_are_valid()
    {
        var folder = Fixtures.RepositoryQuestionnaires();
        var doc = File.ReadAllText(Path.Combine(folder, "FORMAT.md"));
        var blocks = MarkdownBlock().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        var guide = blocks.First(b => b.StartsWith("---\nid:", StringComparison.Ordinal));
        var offers = blocks.First(b => b.StartsWith("---\nkind: offers", StringComparison.Ordinal));
        SourceFile Real(string name) => SourceFile.FromBytes(name, File.ReadAllBytes(Path.Combine(folder, name)));

        // Checked as a draft beside the real profile and catalogue, as 'validate beispiel.md' would.
        var result = QuestionnaireLoader.Load([SourceFile.FromText("beispiel.md", guide), Real("profil.md"), Real("angebote.md")], LoadScope.Draft);
        var catalogue = QuestionnaireLoader.Load(SourceFile.FromText("angebote-beispiel.md", offers));

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.Equal(["stakeholder-bekannt"], result.Questionnaires.Single().ScoredQuestions.Select(q => q.Id));
        Assert.Empty(catalogue.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void The_question_examples_of_the_second_edition_in_the_format_documentation_are_valid()
    {
        var folder = Fixtures.RepositoryQuestionnaires();
        var doc = File.ReadAllText(Path.Combine(folder, "FORMAT.md"));
        var examples = MarkdownBlock().Matches(doc).Select(m => m.Groups[1].Value).Where(b => b.StartsWith("### ", StringComparison.Ordinal) && b.Contains("- levels:", StringComparison.Ordinal)).ToList();
        SourceFile Real(string name) => SourceFile.FromBytes(name, File.ReadAllBytes(Path.Combine(folder, name)));

        Assert.Single(examples);
        var guide = "---\nid: beispiel\nversion: \"1\"\ntitle: Beispiel\ndescription: Test.\naudience: Alle\nminutes: 1\nbands:\n  - from: 0\n    name: A\n    text: A.\n---\n\n## Teil {#teil}\n\n" + examples[0];
        var result = QuestionnaireLoader.Load([SourceFile.FromText("beispiel.md", guide), Real("profil.md"), Real("angebote.md")], LoadScope.Draft);

        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.True(result.Questionnaires.Single().ScoredQuestions.Single().HasOwnLevels);
    }

    [Fact]
    public void The_comparison_examples_in_the_format_documentation_are_valid_profile_questions()
    {
        var doc = File.ReadAllText(Path.Combine(Fixtures.RepositoryQuestionnaires(), "FORMAT.md"));
        var examples = MarkdownBlock().Matches(doc).Select(m => m.Groups[1].Value).Where(b => b.Contains("- compare:", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, examples.Count); // a choice without groups, a choice with groups, a number with ranges
        Assert.All(examples, example =>
        {
            var profile = "---\nkind: profile\nid: beispiel\nversion: \"1\"\ntitle: Beispiel\n---\n\n## Profil {#profil}\n\n" + example;
            Assert.Empty(QuestionnaireLoader.Load(SourceFile.FromText("beispiel.md", profile)).Errors.Select(e => e.ToString()));
        });
    }

    [GeneratedRegex("```markdown\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MarkdownBlock();

    [Fact]
    public void MeasurementTable_in_METHODE_md_is_generated_from_the_guides()
    {
        var path = Path.Combine(Path.GetDirectoryName(Fixtures.RepositoryQuestionnaires())!, "docs", "METHODE.md");
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var cut = text.IndexOf("\n" + SelfEval.Scoring.Codebook.MeasurementTable.Heading, StringComparison.Ordinal);
        var generated = SelfEval.Scoring.Codebook.MeasurementTable.Markdown(Folder.Questionnaires);

        // The one way to refresh it: set the variable, run this test, review and commit the diff.
        if (Environment.GetEnvironmentVariable("UPDATE_METHODE") == "1")
        {
            File.WriteAllText(path, (cut < 0 ? text.TrimEnd() + "\n\n" : text[..(cut + 1)]) + generated);
            return;
        }

        Assert.True(cut >= 0, "docs/METHODE.md has no per-question part; run UPDATE_METHODE=1 dotnet test tests/SelfEval.Scoring.Tests --filter MeasurementTable");
        Assert.Equal(generated, text[(cut + 1)..]);
    }

    [Fact]
    public void The_profiles_appendix_stops_before_the_per_question_table()
    {
        Assert.DoesNotContain(SelfEval.Scoring.Codebook.MeasurementTable.Heading, SelfEval.Scoring.Profile.MethodText.Markdown, StringComparison.Ordinal);
        Assert.Contains("**Regionaler Kontext.**", SelfEval.Scoring.Profile.MethodText.Markdown, StringComparison.Ordinal);
    }
}
