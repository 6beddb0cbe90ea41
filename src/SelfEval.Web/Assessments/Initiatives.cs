using System.Security.Cryptography;
using SelfEval.Scoring.Model;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Assessments;

/// <summary>One guide of the initiative as its coordinator sees it: started (with the link to its coordinator page) or not yet.</summary>
public sealed record InitiativeGuide(string GuideId, string Title, string? CoordinatorToken, bool IsThis)
{
    public bool Started => CoordinatorToken is not null;
}

/// <param name="FirstToken">The coordinator link of the assessment the others were started from: it leads to every guide.
/// Null when this assessment's seal no longer opens it (the first was deleted).</param>
public sealed record InitiativeView(string? FirstToken, IReadOnlyList<InitiativeGuide> Guides)
{
    public IEnumerable<InitiativeGuide> Others => Guides.Where(g => !g.IsThis);

    /// <summary>A guide the coordinator may start from here: one the initiative does not work on yet.</summary>
    public bool CanStart(InitiativeGuide guide) => !guide.Started && FirstToken is not null;
}

/// <summary>The other guide a team member's round belongs with, and their own link there once they joined.</summary>
public sealed record OtherGuideOffer(long AssessmentId, string GuideId, string Title, RoundRecord Round, string PersonalToken, bool Joined);

/// <summary>
/// One initiative working through both guides. The first assessment's coordinator link derives the other guide's
/// (<see cref="Tokens.OtherGuide"/>), and the other keeps the first's link sealed under its own (<see cref="Tokens.Seal"/>),
/// so either link leads to both and the database alone opens neither. Team members' links for the other guide are derived
/// from their own the same way, so their first link leads to both and joining twice finds the same person.
/// </summary>
public sealed class Initiatives(AssessmentStore assessments, QuestionnaireCatalog catalog, QuestionnaireVersionStore versions)
{
    /// <summary>Every guide of the catalogue for the coordinator holding <paramref name="token"/> of <paramref name="assessment"/>.</summary>
    public InitiativeView Of(string token, AssessmentRecord assessment)
    {
        var (firstToken, firstId) = First(token, assessment);
        var started = new Dictionary<string, string>(StringComparer.Ordinal);
        if (firstToken is not null)
        {
            var first = firstId == assessment.Id ? assessment : assessments.Get(firstId)!;
            started[first.QuestionnaireId] = firstToken;
            foreach (var other in assessments.OtherGuides(firstId))
            {
                started[other.QuestionnaireId] = Tokens.OtherGuide(firstToken, other.QuestionnaireId, other.Salt);
            }
        }

        started[assessment.QuestionnaireId] = token;
        return new InitiativeView(
            firstToken,
            catalog.Questionnaires.Select(q => new InitiativeGuide(q.Id, q.Title, started.GetValueOrDefault(q.Id), q.Id == assessment.QuestionnaireId)).ToList());
    }

    /// <summary>
    /// Starts <paramref name="guide"/> for the initiative of <paramref name="context"/> and returns its coordinator link;
    /// the link of the one already started, if the initiative works on it (a second click, or two tabs). Null when the
    /// first assessment can no longer be reached.
    /// </summary>
    public string? Start(CoordinatorContext context, Questionnaire guide, IReadOnlyList<StoredAnswer> profile, string? coordinatorLabel, bool optIn)
    {
        var view = Of(context.Token, context.Assessment);
        if (view.Guides.FirstOrDefault(g => g.GuideId == guide.Id) is not { } target || view.FirstToken is not { } firstToken)
        {
            return null;
        }

        if (target.CoordinatorToken is { } existing)
        {
            return existing;
        }

        var firstId = assessments.FindByCoordinatorToken(firstToken)!.Id;
        var salt = RandomNumberGenerator.GetBytes(16);
        var token = Tokens.OtherGuide(firstToken, guide.Id, salt);
        var created = assessments.CreateOtherGuide(
            firstId,
            new AssessmentStore.NewAssessment(guide.Id, versions.Ensure(guide), Tokens.Hash(token), Tokens.Hash(Tokens.Invite(token, 1)), optIn, coordinatorLabel, profile),
            salt,
            Tokens.Seal(firstToken, token));
        return created is null ? Of(context.Token, context.Assessment).Guides.First(g => g.GuideId == guide.Id).CoordinatorToken : token;
    }

    /// <summary>
    /// The other guides a team member may join from their personal link: only from the latest round of their assessment,
    /// only into an open round (or one they already joined), and not back into the guide they came from.
    /// Names nothing of the others: not who takes part, not how far anyone is.
    /// </summary>
    public IReadOnlyList<OtherGuideOffer> OffersFor(string token, RespondentRecord respondent, RoundRecord round, AssessmentRecord assessment)
    {
        if (respondent.IsCoordinator || assessments.CurrentRound(assessment.Id).Id != round.Id || assessments.JoinedFromOtherGuide(respondent.Id))
        {
            return [];
        }

        var firstId = assessments.FirstOf(assessment.Id)?.FirstId ?? assessment.Id;
        var ids = new[] { firstId }.Concat(assessments.OtherGuides(firstId).Select(o => o.Id)).Where(id => id != assessment.Id);
        var offers = new List<OtherGuideOffer>();
        foreach (var id in ids)
        {
            var other = assessments.Get(id)!;
            var otherRound = assessments.CurrentRound(id);
            var personal = Tokens.OtherGuideMember(token, assessments.CoordinatorHash(id), otherRound.Number);
            var joined = assessments.FindRespondentByHash(Tokens.Hash(personal)) is { } found && found.RoundId == otherRound.Id;
            if (joined || !otherRound.IsClosed)
            {
                var title = catalog.Find(other.QuestionnaireId)?.Title ?? versions.Get(otherRound.QuestionnaireVersionId).Title;
                offers.Add(new OtherGuideOffer(id, other.QuestionnaireId, title, otherRound, personal, joined));
            }
        }

        return offers;
    }

    /// <summary>Joins the other guide's round under the same name and sharing choice; returns the personal link there, or null.</summary>
    public string? Join(string token, RespondentRecord respondent, RoundRecord round, AssessmentRecord assessment, string guideId)
    {
        if (OffersFor(token, respondent, round, assessment).FirstOrDefault(o => o.GuideId == guideId) is not { } offer)
        {
            return null;
        }

        if (!offer.Joined)
        {
            assessments.AddRespondentFromOtherGuide(offer.Round.Id, Tokens.Hash(offer.PersonalToken), respondent);
        }

        return offer.PersonalToken;
    }

    private (string? Token, long Id) First(string token, AssessmentRecord assessment)
    {
        if (assessments.FirstOf(assessment.Id) is not { } first)
        {
            return (token, assessment.Id);
        }

        var unsealed = Tokens.Unseal(first.Sealed, token);
        return unsealed is not null && assessments.FindByCoordinatorToken(unsealed)?.Id == first.FirstId ? (unsealed, first.FirstId) : (null, first.FirstId);
    }
}
