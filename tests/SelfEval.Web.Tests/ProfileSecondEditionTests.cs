using SelfEval.Scoring.Exchange;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Reports;

namespace SelfEval.Web.Tests;

/// <summary>Practice and results, "weiß nicht" and the offers' facts as the page and the PDF show them.</summary>
public sealed class ProfileSecondEditionTests
{
    private static readonly QuestionnaireCatalog Catalog = QuestionnaireCatalog.Load(TestPaths.Questionnaires);

    private static ProfileReport Report()
    {
        var questionnaire = Catalog.Find("wirkung-entfalten")!;
        var (data, problems) = ExchangeReader.Read(File.ReadAllText(Path.Combine(TestPaths.Repository, "docs", "examples", "schwach-wirkung-entfalten.json")), questionnaire);
        Assert.Empty(problems);
        var report = ProfileBuilder.Build(Scorer.Score(questionnaire, data!.Profile, data.Respondents), Catalog.Offers, new ProfileSubject(data.InitiativeName, new DateOnly(2026, 11, 22), 1));
        return report with
        {
            SupportNeeds = [report.SupportNeeds[0] with
            {
                Provider = "Servicestelle Industrieinitiativen",
                Since = "2019",
                Contact = "https://example.org/angebot",
                AlsoWorthALook = [new OfferRef("anderes", "Ein anderes Angebot")],
            }],
            Details = [report.Details[0] with { Measures = [new(Measure.Practice, 40m, true, "Aufbau", 1m), new(Measure.Result, null, false, null, 0.2m)] }, .. report.Details.Skip(1)],
        };
    }

    private static readonly ProfileReport Measured = Report() with
    {
        Measures = [new(Measure.Practice, 61m, true, "Fortgeschritten", 1m), new(Measure.Result, 38m, true, "Aufbau", 0.8m)],
        DontKnow = 2,
        OffersDate = new DateOnly(2026, 11, 20),
    };

    private static string Html(ProfileReport report) => new HtmlProfileRenderer(new MarkdownRenderer()).RenderFragment(report);

    private static string Pdf(ProfileReport report) => PdfText.Flat(PdfText.Read(new PdfProfileRenderer().Render(report)));

    [Fact]
    public void The_pdf_shows_practice_and_results_weiss_nicht_and_who_offers_what()
    {
        var text = Pdf(Measured);

        Assert.Contains("Vorgehen und Ergebnisse", text, StringComparison.Ordinal);
        Assert.Matches("Vorgehen +61 · Fortgeschritten", text);
        Assert.Matches("Ergebnisse +38 · Aufbau", text);
        Assert.Contains("2 Fragen wurden nur mit „weiß nicht“ beantwortet", text, StringComparison.Ordinal);
        Assert.Contains("Stand des Angebotskatalogs: 20. November 2026.", text, StringComparison.Ordinal);
        Assert.Contains("Servicestelle Industrieinitiativen · seit 2019 · Kontakt: https://example.org/angebot", text, StringComparison.Ordinal);
        Assert.Contains("Auch einen Blick wert: Ein anderes Angebot", text, StringComparison.Ordinal);
        Assert.Contains("Vorgehen 40 · Ergebnisse nicht bewertbar", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_shows_the_same()
    {
        var html = Html(Measured);

        Assert.Contains("<h3>Vorgehen und Ergebnisse</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Vorgehen</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Ergebnisse</th>", html, StringComparison.Ordinal);
        Assert.Contains("2 Fragen wurden nur mit „weiß nicht“ beantwortet", html, StringComparison.Ordinal);
        Assert.Contains("Stand des Angebotskatalogs: 20. November 2026.", html, StringComparison.Ordinal);
        Assert.Contains("Servicestelle Industrieinitiativen · seit 2019 · Kontakt: <a href=\"https://example.org/angebot\">https://example.org/angebot</a>", html, StringComparison.Ordinal);
        Assert.Contains("Auch einen Blick wert: Ein anderes Angebot", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"note\">Vorgehen 40 · Ergebnisse nicht bewertbar</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guide_version_without_measures_shows_no_such_lines()
    {
        var report = Measured with
        {
            Measures = [new(Measure.Practice, null, false, null, 0m), new(Measure.Result, null, false, null, 0m)],
            DontKnow = 0,
            Details = Measured.Details.Select(d => d with { Measures = [] }).ToList(),
        };

        // The appendix "So wurde gerechnet" explains both words whatever the guide; the profile before it does not use them.
        var html = Html(report);
        var pdf = Pdf(report);
        html = html[..html.IndexOf("<details class=\"method\">", StringComparison.Ordinal)];
        pdf = pdf[..pdf.IndexOf("So wurde gerechnet", StringComparison.Ordinal)];
        // The guide's own hints may say "Vorgehen" in plain German; what must be absent is the word as a score label.
        const string AsLabel = @"Vorgehen( \d| nicht bewertbar| und Ergebnisse|</th>| +\d)|Ergebnisse( \d| nicht bewertbar)";
        Assert.DoesNotMatch(AsLabel, html);
        Assert.DoesNotMatch(AsLabel, pdf);
        Assert.Matches(AsLabel, Html(Measured)); // the pattern does find the lines when the guide measures
        Assert.DoesNotContain("weiß nicht", pdf, StringComparison.Ordinal);
    }
}
