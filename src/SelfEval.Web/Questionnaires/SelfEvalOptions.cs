using System.ComponentModel.DataAnnotations;

namespace SelfEval.Web.Questionnaires;

public sealed class SelfEvalOptions
{
    public const string SectionName = "SelfEval";

    /// <summary>
    /// Folder with the guides, the profile and the offers catalogue. Relative paths are taken from the
    /// application's folder; the default is the copy of <c>questionnaires/</c> the build puts there.
    /// </summary>
    [Required]
    public string QuestionnaireFolder { get; set; } = "questionnaires";

    public string ResolvedQuestionnaireFolder =>
        Path.GetFullPath(QuestionnaireFolder, AppContext.BaseDirectory);
}
