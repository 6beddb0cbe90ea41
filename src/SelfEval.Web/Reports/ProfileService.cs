using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Scoring.Statistics;
using SelfEval.Web.Assessments;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Reports;

/// <summary>Reads a round from the stores and turns it into the report the renderers lay out.</summary>
public sealed class ProfileService(
    AssessmentStore assessments, ResponseStore responses, RoundReader reader, QuestionnaireCatalog catalog, TimeProvider clock,
    SelfEval.Web.Office.ComparisonService comparison, SelfEval.Web.Office.ComparisonCodeStore codes, Microsoft.Extensions.Options.IOptions<SelfEvalOptions> options,
    ProfileCache cache, IProfileRenderer pdf)
{
    /// <summary>
    /// What a round's profile is made from, without reading it: the round and the last closed round before it
    /// (the trend), a stamp of their respondents, answers and profile, the day (the report is dated), and the
    /// comparison snapshot when the initiative takes part (the object itself: a snapshot changed in place after
    /// an opt-out is loaded as a new object). The guide version of a round and the offers catalogue do not
    /// change while the service runs.
    /// </summary>
    private sealed record ProfileKey(long Round, long? Earlier, string Stamp, DateOnly Today, SelfEval.Web.Office.Snapshot? Snapshot);

    /// <summary>The team's profile of a round, with the trend against the last closed round before it.</summary>
    public ProfileReport ForRound(AssessmentRecord assessment, RoundRecord round) => Rendered(assessment, round).Report;

    /// <summary>
    /// The team's profile of a round with its page fragment and PDF, built once for as long as nothing it is made
    /// from changes: viewing, downloading and printing it again costs a few cheap queries, not a read and scoring
    /// of both rounds and the comparison.
    /// </summary>
    public RenderedProfile Rendered(AssessmentRecord assessment, RoundRecord round)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(round);
        var earlier = assessments.GetRounds(assessment.Id).Where(r => r.Number < round.Number && r.IsClosed).LastOrDefault();
        var stamp = responses.RoundStamp(earlier is null ? [round.Id] : [round.Id, earlier.Id]);
        var inComparison = assessment.ComparisonOptIn && codes.HasCode(assessment.Id);
        var key = new ProfileKey(round.Id, earlier?.Id, stamp, Today(), inComparison ? comparison.Current() : null);
        return cache.Get(round.Id, key, () => new RenderedProfile(Build(round, earlier, key.Today, key.Snapshot), pdf));
    }

    private ProfileReport Build(RoundRecord round, RoundRecord? earlier, DateOnly today, SelfEval.Web.Office.Snapshot? snapshot)
    {
        var (card, answers, conversation) = Score(round);
        // The conversations come with the stamp: ResponseStore.RoundStamp reads their rows for both rounds.
        var previous = earlier is null ? null : Score(earlier) is var e ? new PreviousRound(earlier.Number, e.Card) { Conversation = e.Conversation } : null;
        var report = ProfileBuilder.Build(card, catalog.Offers, new ProfileSubject(ProfileFacts.InitiativeName(answers.Profile), today, round.Number, Incomplete: answers.Incomplete), previous, conversation);
        return report with { Benchmark = Benchmark(card, answers.Profile, snapshot) };
    }

    /// <summary>
    /// Each section against the middle half of comparable initiatives from the published snapshot: the same
    /// guide and, where its figures are released, the same phase, else the same orientation, else all.
    /// Never recomputed per view: the band is a released figure, the same for everyone who sees it.
    /// </summary>
    private BenchmarkReport Benchmark(ScoreCard card, IReadOnlyDictionary<string, Answer> profile, SelfEval.Web.Office.Snapshot? snapshot)
    {
        var k = options.Value.AnonymityK;
        if (snapshot is null)
        {
            return new BenchmarkReport(string.Empty, 0, [], ProfileTexts.BenchmarkNeedsCode);
        }

        var groups = catalog.Comparison;
        var own = groups.Classify(profile);
        var all = new SelfEval.Web.Office.Cell(card.Questionnaire.Id, new Dictionary<string, string>());
        var candidates = new[] { "phase", "ausrichtung" }
            .Where(own.ContainsKey)
            .Select(d => (Cell: all.With(d, own[d]), Label: $"Initiativen mit „{card.Questionnaire.Title}“, {groups.Find(d)!.Label} „{groups.Label(d, own[d])}“"))
            .Append((Cell: all, Label: $"alle Initiativen mit „{card.Questionnaire.Title}“"));
        var guide = catalog.Find(card.Questionnaire.Id) ?? card.Questionnaire;
        foreach (var (cell, label) in candidates)
        {
            var selection = comparison.Builder.Select(snapshot, cell, guide);
            if (selection.Base is not { } b)
            {
                continue;
            }

            var numbers = new Numbering(card.Questionnaire);
            var lines = card.Sections.Select(s =>
            {
                var d = selection.Figures.FirstOrDefault(f => f.Key == s.Section.Id)?.Distribution;
                if (d is null)
                {
                    return null;
                }

                // Whole numbers: the band is a coarse orientation, not a measurement to a decimal.
                var (p25, median, p75) = (Math.Round(d.P25), Math.Round(d.Median), Math.Round(d.P75));
                var score = s.Score.Assessable ? s.Score.Value : null;
                QuartilePosition? position = score is { } sc ? new Distribution(d.Count, p25, median, p75, null, null).Position(sc) : null;
                return new BenchmarkLine($"{numbers.Of(s.Section)} {s.Section.Title}", score, p25, median, p75, position);
            }).OfType<BenchmarkLine>().ToList();
            var asOf = selection.Earlier ?? snapshot.PublishedAt;
            return new BenchmarkReport(label, b.N, lines, null) { AsOf = DateOnly.FromDateTime(asOf.UtcDateTime) };
        }

        return new BenchmarkReport(string.Empty, 0, [], ProfileTexts.BenchmarkTooFew(k));
    }

    /// <summary>One person's own answers only: what they see of themselves, never the others'.</summary>
    public ProfileReport ForRespondent(RespondentContext context)
    {
        var card = Scorer.Score(context.Questionnaire, context.Profile, [new RespondentAnswers("Sie", context.Own)]);
        return ProfileBuilder.Build(card, catalog.Offers, new ProfileSubject(context.InitiativeName, Today(), context.Round.Number, OwnAnswersOnly: true));
    }

    /// <summary>The team's score card of a round, uncached: the team conversation shows one question's distribution from it.</summary>
    public ScoreCard TeamCard(RoundRecord round) => Score(round).Card;

    /// <summary>The team's figures only: the profile never sees whose answer is whose, whoever chose to share.</summary>
    private (ScoreCard Card, RoundAnswers Answers, TeamConversation Conversation) Score(RoundRecord round)
    {
        var data = reader.Read(round);
        var answers = RoundAnswers.Of(data);
        return (Scorer.Score(data.Questionnaire, answers.Team), answers, data.Conversation);
    }

    private DateOnly Today() => SelfEval.Web.Data.Time.BerlinDate(clock.GetUtcNow());
}
