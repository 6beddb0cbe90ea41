using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Assessments;
using SelfEval.Web.Reports;

namespace SelfEval.Web.Pages.Conversation;

/// <summary>One question on the conversation's agenda; <see cref="Steps"/> is how far apart the team's answers lie (0 when added by hand and all agree).</summary>
public sealed record Topic(Question Question, string Number, string SectionTitle, bool FromDiscussion, int Steps);

/// <summary>How often each answer was chosen, never by whom: the levels in the guide's order, then "weiß nicht" and "nicht relevant".</summary>
public sealed record Distribution(IReadOnlyList<(AnswerOption Option, int Count)> Levels, int DontKnow, int NotRelevant, int Unanswered)
{
    public int Total => Levels.Sum(l => l.Count) + DontKnow + NotRelevant;

    /// <summary>What people base their answers on: the team's notes as its figures carry them, sorted and without names.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    public static Distribution Of(ItemResult item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var levels = item.Question.Options.Select(o => (o, item.Chosen.Count(c => c.Value == o.Value))).ToList();
        return new Distribution(levels, item.DontKnow, item.NotRelevant, item.Unanswered);
    }
}

/// <summary>The last closed round's agreement on a question, in that round's guide version.</summary>
public sealed record LastAgreement(Question Question, AgreedAnswer Agreed)
{
    public string Text => ConversationTexts.Answer(Question, Agreed.Answer);
}

/// <summary>
/// The team conversation of the coordinator's current round: the discussion items of the team profile (largest
/// disagreement first, as the profile lists them), then the questions the facilitator added; what was agreed and
/// decided so far, and what the last closed round agreed.
/// </summary>
public sealed record Agenda(
    CoordinatorContext Context,
    ProfileReport Report,
    IReadOnlyList<Topic> Topics,
    IReadOnlyDictionary<string, AgreedAnswer> Agreed,
    IReadOnlyList<StoredAction> Actions,
    IReadOnlyDictionary<string, LastAgreement> LastTime)
{
    public RoundRecord Round => Context.Round;

    public int IndexOf(string questionId) => Topics.ToList().FindIndex(t => t.Question.Id == questionId);

    /// <summary>Questions the facilitator may add: the profile's development areas first, then every other scored question by section.</summary>
    public IEnumerable<(string Group, IReadOnlyList<Question> Questions)> Addable()
    {
        var q = Context.Questionnaire;
        var on = Topics.Select(t => t.Question.Id).ToHashSet(StringComparer.Ordinal);
        var byNumber = ByNumber(q);
        var weak = Report.Weaknesses.Select(w => byNumber.GetValueOrDefault(w.Item.Number)).OfType<Question>().Where(x => !on.Contains(x.Id)).ToList();
        var last = LastTime.Keys.Select(q.FindQuestion).OfType<Question>().Where(x => x.Scored && !on.Contains(x.Id) && !weak.Contains(x)).ToList();
        if (weak.Count > 0)
        {
            yield return ("Entwicklungsfelder aus dem Profil", weak);
        }

        if (last.Count > 0)
        {
            yield return ("Im letzten Durchgang vereinbart", last);
        }

        var numbers = new Numbering(q);
        foreach (var section in q.Sections.Where(s => !s.IsProfile))
        {
            var rest = section.Questions.Where(x => x.Scored && !on.Contains(x.Id) && !weak.Contains(x) && !last.Contains(x)).ToList();
            if (rest.Count > 0)
            {
                yield return ($"{numbers.Of(section)} {section.Title}", rest);
            }
        }
    }

    internal static Dictionary<string, Question> ByNumber(Questionnaire questionnaire)
    {
        var numbers = new Numbering(questionnaire);
        return questionnaire.Questions.ToDictionary(x => numbers.Of(x), StringComparer.Ordinal);
    }
}

/// <summary>Reads the agenda for a coordinator link; null when the link is unknown. Only the coordinator link opens the conversation.</summary>
public sealed class AgendaReader(AssessmentAccess access, ProfileService profiles, ConversationStore store)
{
    public Agenda? Read(string token)
    {
        if (access.Coordinator(token) is not { } context)
        {
            return null;
        }

        var round = context.Round;
        var questionnaire = context.Questionnaire;
        var report = profiles.ForRound(context.Assessment, round);
        var byNumber = Agenda.ByNumber(questionnaire);
        var numbers = new Numbering(questionnaire);
        Topic Of(Question q, bool discussed, int steps) => new(q, numbers.Of(q), questionnaire.SectionOf(q).Title, discussed, steps);

        var discussed = (report.Team?.Discuss ?? [])
            .Select(d => byNumber.TryGetValue(d.Item.Number, out var q) ? Of(q, true, d.Steps) : null)
            .OfType<Topic>()
            .ToList();
        var seen = discussed.Select(t => t.Question.Id).ToHashSet(StringComparer.Ordinal);
        var added = store.Topics(round.Id)
            .Where(seen.Add)
            .Select(questionnaire.FindQuestion)
            .OfType<Question>()
            .Where(q => q.Scored)
            .Select(q => Of(q, false, 0));
        var conversation = store.Read(round.Id);
        var (lastAgreed, lastGuide) = store.AgreedBefore(context.Assessment.Id, round.Number);
        var lastTime = lastAgreed
            .Where(a => lastGuide!.FindQuestion(a.QuestionId) is not null)
            .ToDictionary(a => a.QuestionId, a => new LastAgreement(lastGuide!.FindQuestion(a.QuestionId)!, a), StringComparer.Ordinal);
        return new Agenda(
            context, report, [.. discussed, .. added],
            conversation.Agreed.ToDictionary(a => a.QuestionId, StringComparer.Ordinal),
            store.Actions(round.Id),
            lastTime);
    }

    /// <summary>The team's answers to one question as counts, with their evidence notes; null when the question is not scored in this round.</summary>
    public Distribution? DistributionOf(Agenda agenda, Question question)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var card = profiles.TeamCard(agenda.Round);
        var item = card.Items.FirstOrDefault(i => i.Question.Id == question.Id);
        return item is null ? null : Distribution.Of(item) with { Evidence = card.Team?.For(question.Id).Evidence ?? [] };
    }
}
