using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports.Pdf;

/// <summary>One part of the profile after page one, in the order the page and the PDF share.</summary>
internal interface IPdfPart
{
    /// <summary>The title in the contents, or null where this report has nothing for the section.</summary>
    string? Title(ProfileReport report);

    void Render(PdfLayout l, ProfileReport report);
}
