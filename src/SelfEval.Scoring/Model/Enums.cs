namespace SelfEval.Scoring.Model;

public enum QuestionType { Scale, YesNo, Single, Multi, Number, Text, LongText }

/// <summary>The three aspects the service office's evaluation model measures (final report, 000:3969-3973).</summary>
public enum Aspect { Einigkeit, Ressourcen, Kontext }

/// <summary>Impact inside the initiative or out into the region (000:3984-3985).</summary>
public enum Dimension { Innen, Aussen }

public enum FileKind { Questionnaire, Profile, Offers }

/// <summary>
/// What a scored question measures: how the initiative works (its practice) or what it has achieved
/// (a result). The report (000:3966-3968) asks for both; the scorer keeps them apart.
/// </summary>
public enum Measure { Practice, Result }

public static class ModelNames
{
    // The spellings authors write in the Markdown and analysts read in the codebook.
    public static string Name(this QuestionType type) => Kinds.QuestionKinds.For(type).Name;

    public static string Name(this Aspect aspect) => aspect switch
    {
        Aspect.Einigkeit => "einigkeit",
        Aspect.Ressourcen => "ressourcen",
        Aspect.Kontext => "kontext",
        _ => throw new ArgumentOutOfRangeException(nameof(aspect)),
    };

    public static string Name(this Dimension dimension) => dimension switch
    {
        Dimension.Innen => "innen",
        Dimension.Aussen => "aussen",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public static string Name(this Measure measure) => measure switch
    {
        Measure.Practice => "practice",
        Measure.Result => "result",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    public static string Label(this Aspect aspect) => aspect switch
    {
        Aspect.Einigkeit => "Einigkeit",
        Aspect.Ressourcen => "Ressourcen",
        Aspect.Kontext => "Regionaler Kontext",
        _ => throw new ArgumentOutOfRangeException(nameof(aspect)),
    };

    public static string Label(this Dimension dimension) => dimension switch
    {
        Dimension.Innen => "Wirkung nach innen",
        Dimension.Aussen => "Wirkung nach außen",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public static readonly IReadOnlyDictionary<string, QuestionType> Types =
        Kinds.QuestionKinds.All.ToDictionary(k => k.Name, k => k.Type, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, Aspect> Aspects = new Dictionary<string, Aspect>
    {
        ["einigkeit"] = Aspect.Einigkeit,
        ["ressourcen"] = Aspect.Ressourcen,
        ["kontext"] = Aspect.Kontext,
    };

    public static readonly IReadOnlyDictionary<string, Measure> Measures = new Dictionary<string, Measure>
    {
        ["practice"] = Measure.Practice,
        ["result"] = Measure.Result,
    };

    public static readonly IReadOnlyDictionary<string, Dimension> Dimensions = new Dictionary<string, Dimension>
    {
        ["innen"] = Dimension.Innen,
        ["aussen"] = Dimension.Aussen,
    };
}
