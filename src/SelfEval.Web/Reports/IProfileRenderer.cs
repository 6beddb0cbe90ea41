using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports;

/// <summary>Lays a report out; knows nothing of scoring. Another PDF library replaces only its implementation.</summary>
public interface IProfileRenderer
{
    string ContentType { get; }

    byte[] Render(ProfileReport report);
}
