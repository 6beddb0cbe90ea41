using System.Globalization;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Tests.Loading;

/// <summary>
/// The comparison groups declared in the real profil.md against the table that was hard-coded in the
/// office (SelfEval.Web/Office/Cohort.cs, Groups) before it moved there: same keys, values and labels,
/// and every profile answer lands in the group it always did.
/// </summary>
public sealed class OfficeComparisonTableTests
{
    private static readonly ComparisonGroups Real = QuestionnaireLoader.Load(
            Directory.EnumerateFiles(Fixtures.RepositoryQuestionnaires(), "*.md")
                .Where(f => !char.IsUpper(Path.GetFileName(f)[0]))
                .Select(f => SourceFile.FromBytes(Path.GetFileName(f), File.ReadAllBytes(f))))
        .Questionnaires.Select(q => q.Comparison).Distinct().Single();

    // The table the first edition hard-coded in SelfEval.Web/Office/Cohort.cs (Groups.Dimensions, Groups.Values) before it moved into profil.md.
    // One difference on purpose: Cohort.cs listed radius before region; the declaration follows the order of
    // the questions in profil.md, where 'land' (region) is asked before 'radius'.
    private static readonly (string Key, string Label, string Question, (string Value, string Label)[] Groups)[] OfficeTable =
    [
        ("phase", "Phase", "phase", [("gruendung", "in Gründung"), ("aufbau", "im Aufbau"), ("etabliert", "etabliert"), ("neuausrichtung", "in Neuausrichtung")]),
        ("ausrichtung", "Ausrichtung", "ausrichtung", [("politisch-strategisch", "politisch-strategisch"), ("praktisch-projektorientiert", "praktisch-projektorientiert"), ("mischform", "Mischform")]),
        ("rechtsform", "Rechtsform", "rechtsform", [("ohne-eigene", "ohne eigene Rechtsform"), ("ev", "e. V."), ("gmbh", "GmbH"), ("andere", "andere")]),
        ("region", "Region", "land", [("nord", "Norden (SH, HH, HB, NI, MV)"), ("west", "Nordrhein-Westfalen"), ("mitte", "Mitte (HE, RP, SL)"), ("sued", "Süden (BW, BY)"), ("ost", "Osten (BE, BB, SN, ST, TH)")]),
        ("radius", "Aktionsradius", "radius", [("lokal", "lokal"), ("regional", "regional"), ("landesweit", "bundeslandweit"), ("laenderuebergreifend", "über mehr als ein Bundesland")]),
        ("gruendung", "Gründungszeitraum", "gruendungsjahr", [("vor-2000", "vor 2000"), ("2000-2009", "2000–2009"), ("2010-2017", "2010–2017"), ("ab-2018", "ab 2018")]),
    ];

    [Fact]
    public void The_real_profile_declares_the_office_table_in_the_order_of_its_questions()
    {
        Assert.Equal(OfficeTable.Select(d => (d.Key, d.Label, d.Question)), Real.Dimensions.Select(d => (d.Key, d.Label, d.QuestionId)));
        Assert.All(OfficeTable, expected => Assert.Equal(expected.Groups, Real.Find(expected.Key)!.Groups.Select(g => (g.Value, g.Label))));
    }

    // What the first edition's Groups.From (SelfEval.Web/Office/Cohort.cs) made of each profile answer.
    [Theory]
    [InlineData("phase", "gruendung", "phase", "gruendung")]
    [InlineData("phase", "aufbau", "phase", "aufbau")]
    [InlineData("phase", "etabliert", "phase", "etabliert")]
    [InlineData("phase", "neuausrichtung", "phase", "neuausrichtung")]
    [InlineData("ausrichtung", "politisch-strategisch", "ausrichtung", "politisch-strategisch")]
    [InlineData("ausrichtung", "praktisch-projektorientiert", "ausrichtung", "praktisch-projektorientiert")]
    [InlineData("ausrichtung", "mischform", "ausrichtung", "mischform")]
    [InlineData("rechtsform", "ohne", "rechtsform", "ohne-eigene")]
    [InlineData("rechtsform", "dach", "rechtsform", "ohne-eigene")]
    [InlineData("rechtsform", "projekt", "rechtsform", "ohne-eigene")]
    [InlineData("rechtsform", "ev", "rechtsform", "ev")]
    [InlineData("rechtsform", "gmbh", "rechtsform", "gmbh")]
    [InlineData("rechtsform", "andere", "rechtsform", "andere")]
    [InlineData("radius", "lokal", "radius", "lokal")]
    [InlineData("radius", "regional", "radius", "regional")]
    [InlineData("radius", "landesweit", "radius", "landesweit")]
    [InlineData("radius", "laenderuebergreifend", "radius", "laenderuebergreifend")]
    [InlineData("land", "sh", "region", "nord")]
    [InlineData("land", "hh", "region", "nord")]
    [InlineData("land", "hb", "region", "nord")]
    [InlineData("land", "ni", "region", "nord")]
    [InlineData("land", "mv", "region", "nord")]
    [InlineData("land", "nw", "region", "west")]
    [InlineData("land", "he", "region", "mitte")]
    [InlineData("land", "rp", "region", "mitte")]
    [InlineData("land", "sl", "region", "mitte")]
    [InlineData("land", "bw", "region", "sued")]
    [InlineData("land", "by", "region", "sued")]
    [InlineData("land", "be", "region", "ost")]
    [InlineData("land", "bb", "region", "ost")]
    [InlineData("land", "sn", "region", "ost")]
    [InlineData("land", "st", "region", "ost")]
    [InlineData("land", "th", "region", "ost")]
    [InlineData("gruendungsjahr", "1900", "gruendung", "vor-2000")]
    [InlineData("gruendungsjahr", "1999", "gruendung", "vor-2000")]
    [InlineData("gruendungsjahr", "1999.5", "gruendung", "vor-2000")]
    [InlineData("gruendungsjahr", "2000", "gruendung", "2000-2009")]
    [InlineData("gruendungsjahr", "2009", "gruendung", "2000-2009")]
    [InlineData("gruendungsjahr", "2009.9", "gruendung", "2000-2009")]
    [InlineData("gruendungsjahr", "2010", "gruendung", "2010-2017")]
    [InlineData("gruendungsjahr", "2017", "gruendung", "2010-2017")]
    [InlineData("gruendungsjahr", "2018", "gruendung", "ab-2018")]
    [InlineData("gruendungsjahr", "2100", "gruendung", "ab-2018")]
    [InlineData("gruendungsjahr", "-5", "gruendung", "vor-2000")]
    public void Classify_maps_each_profile_answer_as_the_office_did(string question, string answer, string dimension, string group)
    {
        Answer given = question == "gruendungsjahr"
            ? new Answer.Number(decimal.Parse(answer, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
            : new Answer.Choice(answer);

        var groups = Real.Classify(new Dictionary<string, Answer> { [question] = given });

        Assert.Equal(new Dictionary<string, string> { [dimension] = group }, groups);
    }

    [Fact]
    public void Classify_gives_every_dimension_of_a_full_profile_and_leaves_out_what_is_missing()
    {
        var full = new Dictionary<string, Answer>
        {
            ["name"] = new Answer.Text("Industrie Nord"),
            ["phase"] = new Answer.Choice("aufbau"),
            ["ausrichtung"] = new Answer.Choice("mischform"),
            ["rechtsform"] = new Answer.Choice("dach"),
            ["land"] = new Answer.Choice("by"),
            ["radius"] = new Answer.Choice("regional"),
            ["gruendungsjahr"] = new Answer.Number(2017m),
            ["themen"] = new Answer.Choices(["standort"]),
        };
        var partial = new Dictionary<string, Answer>
        {
            ["phase"] = new Answer.NotRelevant(null),         // no group for "nicht relevant"
            ["rechtsform"] = new Answer.Choice("verein"),     // an option no version declares
            ["land"] = new Answer.Number(5m),                 // an answer of the wrong shape
            ["gruendungsjahr"] = new Answer.Choice("2017"),
            ["radius"] = new Answer.Choice("lokal"),
        };

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["phase"] = "aufbau", ["ausrichtung"] = "mischform", ["rechtsform"] = "ohne-eigene",
                ["region"] = "sued", ["radius"] = "regional", ["gruendung"] = "2010-2017",
            },
            Real.Classify(full));
        Assert.Equal(new Dictionary<string, string> { ["radius"] = "lokal" }, Real.Classify(partial));
        Assert.Empty(Real.Classify(new Dictionary<string, Answer>()));
    }
}
