using SelfEval.Scoring.Model.Kinds;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Scoring;

namespace SelfEval.Scoring.Profile;

/// <summary>What the profile is about, given by the caller (the library has no clock and no database).</summary>
/// <param name="Incomplete">Of the people counted, how many had not finished when the round was closed.</param>
public sealed record ProfileSubject(string InitiativeName, DateOnly Date, int RoundNumber, bool OwnAnswersOnly = false, int Incomplete = 0);

/// <summary>A closed earlier round of the same guide, already scored against its own version.</summary>
public sealed record PreviousRound(int Number, ScoreCard Card)
{
    /// <summary>What the team agreed and took on in that round, with the actions marked as far as they were carried out.</summary>
    public TeamConversation Conversation { get; init; } = TeamConversation.None;
}

/// <summary>Builds the worded, ordered report from a score card. Deterministic: ties break by questionnaire order.</summary>
public static class ProfileBuilder
{
    public static ProfileReport Build(ScoreCard card, OfferCatalog? offers, ProfileSubject subject, PreviousRound? previous = null, TeamConversation? conversation = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(subject);
        var q = card.Questionnaire;
        var numbers = new Numbering(q);
        ItemRef Ref(ItemResult i) => new(numbers.Of(i.Question), i.Question.Text, i.Section.Title, i.Score, Summarise(i, card.Respondents));

        var sections = card.Sections.Select(s => Context(Line(q, s.Section.Id, $"{numbers.Of(s.Section)} {s.Section.Title}", s.Score), s.IsContext)).ToList();
        var overall = Line(q, "gesamt", "Gesamt", card.Overall);

        // What the team agreed on in its conversation is what it decided: the lists, the offers and the checklist
        // follow the consensus where there is one. The scores stay the mean of the individual answers, comparable
        // with earlier rounds and other initiatives; the consensus stands beside them.
        var agreed = Agreed(card, conversation ?? TeamConversation.None);
        var decided = agreed.Count == 0 ? card : Scorer.Score(q, card.Team!.WithAgreed(q, agreed));
        ItemRef Decided(ItemResult i) => agreed.ContainsKey(i.Question.Id)
            ? new ItemRef(numbers.Of(i.Question), i.Question.Text, i.Section.Title, i.Score, Summarise(i, 1)) { Agreed = true }
            : Ref(i);

        // Strengths and development areas are the clear outliers against the initiative's own mean, not
        // everything above or below a fixed line: an even profile is said to be even.
        var own = decided.Items.Where(i => i.Score is not null && !i.IsContext).ToList();
        var mean = own.Count == 0 ? (decimal?)null : Math.Round(own.Average(i => i.Score!.Value), 1, MidpointRounding.AwayFromZero);
        var listed = own.Count >= Method.MinItemsForLists;
        // Near the ends of the scale the margin is capped: with a mean of 91 the answers at 100 still stand out.
        var above = Math.Min(mean.GetValueOrDefault() + Method.OutlierMargin, 100m);
        var below = Math.Max(mean.GetValueOrDefault() - Method.OutlierMargin, 0m);
        var strengths = !listed ? [] : own
            .Where(i => i.Score >= above && i.Score > mean && i.Score >= Method.WeaknessBelow)
            .OrderByDescending(i => i.Score).ThenByDescending(i => i.EffectiveWeight).ThenBy(i => i.Order)
            .Take(Method.MaxStrengths).Select(Decided).ToList();
        var weaknesses = !listed ? [] : own
            .Where(i => i.Score <= below && i.Score < mean && i.Score < Method.StrengthFrom)
            .OrderByDescending(Urgency).ThenBy(i => i.Order)
            .Take(Method.MaxWeaknesses)
            .Select(i => new Weakness(Decided(i), i.EffectiveWeight, Priority(i), i.Question.SupportHint)).ToList();
        var spread = !listed ? Spread.TooFewAnswers : strengths.Count + weaknesses.Count == 0 ? Spread.Even : Spread.Uneven;

        // Offers answer real gaps: every item below the line, the surroundings included, whatever the mean.
        var weakItems = decided.Items
            .Where(i => i.Score < Method.WeaknessBelow)
            .OrderByDescending(Urgency).ThenBy(i => i.Order)
            .ToList();

        // The guides ask their goals first (their first section); the profile leads with what the team wrote there.
        var goals = q.Sections.FirstOrDefault(s => !s.IsProfile)?.Questions.Select(numbers.Of).ToHashSet(StringComparer.Ordinal) ?? [];
        return new ProfileReport(
            new ProfileHeader(subject.InitiativeName, q.Title, q.Subtitle, q.Version, q.Hash, subject.Date, subject.RoundNumber, card.Respondents, subject.OwnAnswersOnly, subject.Incomplete),
            overall,
            overall.Assessable ? Band(q, overall.Value!.Value) : null,
            sections,
            Enum.GetValues<Aspect>().OrderBy(a => a == Aspect.Kontext) // the initiative's own aspects first, its surroundings after
                .Select(a => Context(Line(q, a.Name(), a.Label(), card.Aspects[a]), a == Aspect.Kontext)).ToList(),
            Enum.GetValues<Dimension>().Select(d => Line(q, d.Name(), d.Label(), card.Dimensions[d])).ToList(),
            strengths,
            weaknesses,
            SupportNeeds(weakItems, offers, Eligibility(q, offers, card.Team), Decided),
            card.Respondents >= 2 ? Team(card, numbers, Ref) : null,
            previous is null ? null : Trend(card, previous, numbers),
            Details(card, numbers, decided, agreed, (conversation ?? TeamConversation.None).Agreed),
            q.HasChecklist ? Checklist(decided, numbers) : null,
            MethodText.Markdown,
            card.Items.Count(i => i.IsRelevant && !i.IsScored && i.Unanswered > 0))
        {
            OpenAnswers = Open(card, numbers).Where(o => !goals.Contains(o.Number)).ToList(),
            Goals = Open(card, numbers).Where(o => goals.Contains(o.Number)).ToList(),
            Facts = Facts(card),
            ItemMean = mean,
            Spread = spread,
            Measures = Enum.GetValues<Measure>().Select(m => MeasureLine(q, m, card.Measures[m])).ToList(),
            DontKnow = card.Items.Count(i => !i.IsScored && i.Unanswered == 0 && i.DontKnow > 0),
            OffersDate = offers?.Date,
            Consensus = agreed.Count == 0 ? null : Consensus(card, decided, agreed, numbers),
            Actions = Plan(q, numbers, (conversation ?? TeamConversation.None).Actions),
            Evidence = card.Team is { } t ? new EvidenceCount(card.Items.Sum(i => t.For(i.Question.Id).WithEvidence), card.Items.Sum(i => i.Scores.Count)) : null,
            EvidenceNotes = EvidenceNotes(card, numbers),
        };
    }

    /// <summary>The agreed answers the card can be re-scored with: scored questions of its guide, answers they could take.</summary>
    private static Dictionary<string, Answer> Agreed(ScoreCard card, TeamConversation conversation)
    {
        if (card.Team is null)
        {
            return [];
        }

        var agreed = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var a in conversation.Agreed)
        {
            if (card.Questionnaire.FindQuestion(a.QuestionId) is { Scored: true, IsProfile: false } question && TeamTally.CanAgree(question, a.Answer))
            {
                agreed[a.QuestionId] = a.Answer;
            }
        }

        return agreed;
    }

    private static ConsensusReport Consensus(ScoreCard card, ScoreCard decided, Dictionary<string, Answer> agreed, Numbering numbers)
    {
        var q = card.Questionnaire;
        ConsensusLine Pair(string key, string label, ScoreValue mean, ScoreValue consensus, IEnumerable<ItemResult> items, bool isContext) => new(
            Context(Line(q, key, label, mean), isContext),
            Context(Line(q, key, label, consensus), isContext),
            items.Count(i => agreed.ContainsKey(i.Question.Id)));
        return new ConsensusReport(
            agreed.Count,
            Pair("gesamt", "Gesamt", card.Overall, decided.Overall, card.Items, false),
            card.Sections.Select(s => Pair(s.Section.Id, $"{numbers.Of(s.Section)} {s.Section.Title}", s.Score, decided.Section(s.Section.Id)!.Score, s.Items, s.IsContext)).ToList());
    }

    /// <summary>
    /// The action plan in the order a team works through it: the next due first, undated ones after, each group in
    /// questionnaire order; actions on a question the guide no longer has come last.
    /// </summary>
    private static List<ActionLine> Plan(Questionnaire q, Numbering numbers, IEnumerable<TeamAction> actions)
    {
        var order = q.Questions.Select((question, i) => (question.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return actions
            .OrderBy(a => a.Due is null).ThenBy(a => a.Due)
            .ThenBy(a => order.GetValueOrDefault(a.QuestionId, int.MaxValue)).ThenBy(a => a.Id)
            .Select(a => q.FindQuestion(a.QuestionId) is { } question && q.SectionOf(question) is var section
                ? new ActionLine(a.Id, numbers.Of(question), question.Text, numbers.Of(section), section.Title, a.What, a.Who, a.Due, a.Status, a.RoundNumber)
                : new ActionLine(a.Id, null, null, null, null, a.What, a.Who, a.Due, a.Status, a.RoundNumber))
            .ToList();
    }

    /// <summary>The notes given with each scored question, without names and sorted, beside the open answers.</summary>
    private static List<OpenAnswers> EvidenceNotes(ScoreCard card, Numbering numbers) =>
        card.Team is not { } team
            ? []
            : card.Items
                .Select(i => new OpenAnswers(numbers.Of(i.Question), i.Question.Text, team.For(i.Question.Id).Evidence))
                .Where(o => o.Answers.Count > 0)
                .ToList();

    /// <summary>The profile question whose values an offer's <c>phases</c> name.</summary>
    private const string PhaseQuestion = "phase";

    private static MeasureLine MeasureLine(Questionnaire q, Measure measure, ScoreValue score) =>
        new(measure, score.Value, score.Assessable, score.Assessable ? Band(q, score.Value!.Value).Name : null, score.Coverage);

    /// <summary>The profile answers in the guide's words, in the profile's order; the name heads the profile instead.</summary>
    private static List<ProfileFact> Facts(ScoreCard card) =>
        card.Team is not { } team
            ? []
            : card.Questionnaire.Questions
                .Where(q => q.IsProfile && q.Id != ProfileFacts.NameQuestion)
                .Select(q => team.Profile.GetValueOrDefault(q.Id) is { } a && q.Kind().Takes(a) ? new ProfileFact(q.Id, q.Text, q.Kind().Shown(q, a)) : null)
                .OfType<ProfileFact>()
                .Where(f => f.Values.Count > 0)
                .ToList();

    private static List<OpenAnswers> Open(ScoreCard card, Numbering numbers) =>
        card.Team is not { } team
            ? []
            : card.Questionnaire.Questions
                .Where(q => !q.IsProfile && q.Type is QuestionType.Text or QuestionType.LongText)
                .Select(q => new OpenAnswers(numbers.Of(q), q.Text, team.For(q.Id).Texts.Order(StringComparer.Ordinal).ToList()))
                .Where(o => o.Answers.Count > 0)
                .ToList();

    /// <summary>What ranks weaknesses and support needs: the gap to 100 times the item's weight in the method.</summary>
    private static decimal Urgency(ItemResult item) => item.EffectiveWeight * item.Gap;

    /// <summary>Gap-based priority after OWASP SAMMY: weight × ((1 + gap in scale steps)² − 1), a step being 25 points.</summary>
    public static decimal Priority(ItemResult item)
    {
        var steps = item.Gap / 25m;
        return Math.Round(item.EffectiveWeight * ((1 + steps) * (1 + steps) - 1), 1);
    }

    // The band follows the whole number people read, so "50 · Aufbau" next to "50 · Fortgeschritten" cannot happen.
    // The guide's bands describe the initiative's own work; the surroundings get no band.
    private static ScoreLine Context(ScoreLine line, bool isContext) => isContext ? line with { IsContext = true, Band = null } : line;

    private static ScoreLine Line(Questionnaire q, string key, string label, ScoreValue score) =>
        new(key, label, score.Value, score.Assessable, score.Assessable ? Band(q, score.Value!.Value).Name : null, score.Coverage);

    private static ScoreBand Band(Questionnaire q, decimal value) => q.BandFor(Math.Round(value, 0, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Which offers may be recommended here: in the catalogue, not the guide being filled in, and, where the
    /// offer names its phases and the initiative's phase is known, serving that phase.
    /// </summary>
    private static Func<string, bool> Eligibility(Questionnaire q, OfferCatalog? offers, TeamTally? team)
    {
        var phase = team?.Profile.GetValueOrDefault(PhaseQuestion) is Answer.Choice c ? c.Value : null;
        return id => offers?.Find(id) is { } offer
            && !offer.GuideIds.Contains(q.Id, StringComparer.Ordinal)
            && (offer.Phases.Count == 0 || phase is null || offer.Phases.Contains(phase, StringComparer.Ordinal));
    }

    /// <summary>
    /// Each weak item feeds one offer: its main one, else its first eligible optional one. Offers rank by the
    /// summed priority of their items, ties by catalogue order; the profile keeps the most urgent few.
    /// </summary>
    private static IReadOnlyList<SupportNeed> SupportNeeds(List<ItemResult> weak, OfferCatalog? offers, Func<string, bool> eligible, Func<ItemResult, ItemRef> toRef)
    {
        if (offers is null)
        {
            return [];
        }

        string? Target(Question question) =>
            question.MainOfferId is { } main && eligible(main) ? main : question.OfferIds.FirstOrDefault(eligible);

        var ranked = weak
            .Select(i => (Offer: Target(i.Question), Item: i))
            .Where(x => x.Offer is not null)
            .GroupBy(x => x.Offer!, StringComparer.Ordinal)
            .Select(g =>
            {
                var items = g.Select(x => x.Item).OrderByDescending(Urgency).ThenBy(i => i.Order).ToList();
                return (Offer: offers.Find(g.Key)!, Items: items, Priority: items.Sum(Priority), Urgency: items.Sum(Urgency), Worst: items.Max(Priority));
            })
            .OrderByDescending(x => x.Urgency).ThenBy(x => offers.Offers.ToList().IndexOf(x.Offer))
            .Take(Method.MaxSupportNeeds)
            // Chosen by their summed gaps, shown with the urgent ones first, so "mittel" never stands above "hoch".
            .OrderByDescending(x => UrgencyOf(x.Worst))
            .ToList();

        var recommended = ranked.Select(x => x.Offer.Id).ToHashSet(StringComparer.Ordinal);
        return ranked.Select(x => new SupportNeed(
                x.Offer.Id,
                x.Offer.Title,
                x.Offer.DescriptionMarkdown,
                x.Priority,
                UrgencyOf(x.Worst),
                x.Items.Take(5).Select(toRef).ToList(),
                x.Items.Select(i => i.Question.SupportHint).OfType<string>().Distinct().Take(3).ToList(),
                Math.Max(0, x.Items.Count - 5))
            {
                Provider = x.Offer.Provider,
                Contact = x.Offer.Contact,
                Since = x.Offer.Since,
                AlsoWorthALook = x.Items
                    .SelectMany(i => i.Question.OfferIds)
                    .Distinct(StringComparer.Ordinal)
                    .Where(id => !recommended.Contains(id) && eligible(id))
                    .Take(Method.MaxAlsoWorthALook)
                    .Select(id => new OfferRef(id, offers.Find(id)!.Title))
                    .ToList(),
            })
            .ToList();
    }

    // Urgency follows the worst single gap, not the sum: many small gaps are no emergency.
    private static Urgency UrgencyOf(decimal worstPriority) =>
        worstPriority >= Method.HighPriorityFrom ? Profile.Urgency.High : worstPriority >= Method.MediumPriorityFrom ? Profile.Urgency.Medium : Profile.Urgency.Low;

    private static TeamAgreement Team(ScoreCard card, Numbering numbers, Func<ItemResult, ItemRef> toRef)
    {
        var discuss = card.Items
            .Where(i => i.ToDiscuss)
            .OrderByDescending(i => i.StepRange).ThenByDescending(i => i.EffectiveWeight).ThenBy(i => i.Order)
            .Select(i => new DiscussionItem(toRef(i), i.Scores.Order().ToList(), i.StepRange))
            .ToList();
        return new TeamAgreement(
            card.Agreement,
            card.Sections.Select(s => new AgreementLine($"{numbers.Of(s.Section)} {s.Section.Title}", s.Agreement, s.Items.Count(i => i.Scores.Count >= 2))).ToList(),
            discuss);
    }

    private static TrendReport Trend(ScoreCard now, PreviousRound previous, Numbering numbers)
    {
        var before = previous.Card;
        var renamed = now.Questionnaire.RenamedQuestions;
        var sections = now.Sections.Select(s => new TrendLine(
            $"{numbers.Of(s.Section)} {s.Section.Title}",
            Shown(before.Section(s.Section.Id)?.Score),
            Shown(s.Score))).ToList();

        // An item of the earlier round counts for the item it became, merged items by their mean.
        var earlier = before.Items
            .Where(i => i.Score is not null)
            .GroupBy(i => renamed.GetValueOrDefault(i.Question.Id, i.Question.Id))
            .ToDictionary(g => g.Key, g => (decimal?)Format.Whole(g.Average(i => i.Score!.Value)));
        var items = now.Items
            .Where(i => i.Score is not null && earlier.ContainsKey(i.Question.Id))
            .Select(i => new TrendLine($"{numbers.Of(i.Question)} {i.Question.Text}", earlier[i.Question.Id], Format.Whole(i.Score!.Value)))
            .Where(t => Math.Abs(t.Delta!.Value) >= 25)
            .OrderByDescending(t => Math.Abs(t.Delta!.Value))
            .Take(8)
            .ToList();
        // The earlier round's actions by the question they became; each with the change of that question's section.
        var bySection = now.Sections.Select((s, i) => (s.Section.Id, Line: sections[i])).ToDictionary(x => x.Id, x => x.Line, StringComparer.Ordinal);
        var carried = previous.Conversation.Actions.Select(a => a with { QuestionId = renamed.GetValueOrDefault(a.QuestionId, a.QuestionId) }).ToList();
        var actions = Plan(now.Questionnaire, numbers, carried)
            .Select(line => new ActionOutcome(
                line,
                now.Questionnaire.FindQuestion(carried.First(a => a.Id == line.Id).QuestionId) is { } question
                    ? bySection.GetValueOrDefault(now.Questionnaire.SectionOf(question).Id)
                    : null))
            .ToList();
        return new TrendReport(previous.Number, before.Questionnaire.Version, new TrendLine("Gesamt", Shown(before.Overall), Shown(now.Overall)), sections, items)
        {
            Actions = actions,
        };
    }

    // Rounded before the difference is taken, so "47 → 68" says +21, as a reader would subtract.
    private static decimal? Shown(ScoreValue? score) => score is { Assessable: true, Value: { } v } ? Format.Whole(v) : null;

    /// <summary>Every question with the team's individual answers and, where it agreed on one, the agreed answer and why.</summary>
    private static List<DetailSection> Details(ScoreCard card, Numbering numbers, ScoreCard decided, Dictionary<string, Answer> agreed, IReadOnlyList<AgreedAnswer> notes) =>
        card.Sections.Select(s => new DetailSection(
            numbers.Of(s.Section),
            s.Section.Title,
            Context(Line(card.Questionnaire, s.Section.Id, s.Section.Title, s.Score), s.IsContext),
            s.Agreement,
            s.Items.Select(i => new DetailItem(numbers.Of(i.Question), i.Question.Text, Summarise(i, card.Respondents), i.Score, i.ToDiscuss)
            {
                Agreed = agreed.ContainsKey(i.Question.Id) && decided.Item(i.Question.Id) is { } d ? Summarise(d, 1) : null,
                AgreedNote = agreed.ContainsKey(i.Question.Id) ? notes.LastOrDefault(a => a.QuestionId == i.Question.Id)?.Note : null,
            }).ToList())
        {
            Measures = Enum.GetValues<Measure>().Select(m => MeasureLine(card.Questionnaire, m, s.Measures[m])).ToList(),
        })
        .ToList();

    private static List<ChecklistSection> Checklist(ScoreCard card, Numbering numbers) =>
        card.Sections
            .Select(s => new ChecklistSection(
                numbers.Of(s.Section),
                s.Section.Title,
                s.Items
                    .Where(i => i.IsRelevant && (i.Score is null || i.Score < 100))
                    .Select(i => new ChecklistItem(
                        numbers.Of(i.Question),
                        i.Question.Text,
                        Summarise(i, card.Respondents),
                        i.Question.SupportHint ?? string.Empty))
                    .ToList()))
            .Where(s => s.Items.Count > 0)
            .ToList();

    /// <summary>The answers to one question as numbers and the guide's option labels; the texts module words them.</summary>
    public static AnswerSummary Summarise(ItemResult item, int respondents)
    {
        ArgumentNullException.ThrowIfNull(item);
        var state = item.Scores.Count > 0 ? AnswerState.Answered
            : item.DontKnow > 0 && item.Unanswered == 0 ? AnswerState.DontKnowOnly
            : item.NotRelevant > 0 && item.Unanswered == 0 ? AnswerState.NotRelevant
            : item.Hidden > 0 && item.Unanswered == 0 && item.DontKnow == 0 ? AnswerState.NotAsked
            : AnswerState.Unanswered;
        ChoiceRef Choice(AnswerOption o) => new(o.Label, item.Question.Type == QuestionType.Scale ? o.Value : null);
        var ordered = item.Chosen.OrderBy(o => o.Points).ToList();
        return new AnswerSummary(
            state,
            item.Score,
            item.Scores.Count,
            ordered.Count > 0 ? Choice(ordered[0]) : null,
            ordered.Count > 0 ? Choice(ordered[^1]) : null,
            item.NotRelevant,
            item.DontKnow,
            respondents >= 2);
    }
}

/// <summary>The appendix "So wurde gerechnet", kept in docs/METHODE.md and embedded at build time.</summary>
public static class MethodText
{
    public static string Markdown { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(MethodText).Assembly.GetManifestResourceStream("SelfEval.Scoring.METHODE.md")!;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();

        // The per-question table after this heading is for analysts, not for the profile's appendix.
        var cut = text.IndexOf("\n" + SelfEval.Scoring.Codebook.MeasurementTable.Heading, StringComparison.Ordinal);
        return cut < 0 ? text : text[..(cut + 1)];
    }
}
