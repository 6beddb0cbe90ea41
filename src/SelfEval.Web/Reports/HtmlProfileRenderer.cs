using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Reports;

/// <summary>
/// The profile as HTML with SVG charts: the results page shows the fragment, the offline
/// <c>profile --html</c> command writes it as a standalone file. Lays out the report, computes nothing.
/// </summary>
public sealed class HtmlProfileRenderer(MarkdownRenderer markdown)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string? text) => Encoder.Encode(text ?? string.Empty);

    private static string N(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public string RenderDocument(ProfileReport report, string css) =>
        $"""
        <!DOCTYPE html>
        <html lang="de">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Ergebnisprofil {E(report.Header.GuideTitle)} – {E(report.Header.InitiativeName)}</title>
        <style>{css}</style></head>
        <body><main class="wrap">{RenderFragment(report)}</main></body>
        </html>
        """;

    public string RenderFragment(ProfileReport r)
    {
        var h = r.Header;
        var s = new StringBuilder();
        s.Append("<article class=\"profile\">");
        s.Append($"<p class=\"kicker\">Ergebnisprofil · {E(h.GuideTitle)} · Durchgang {h.RoundNumber}</p>");
        s.Append($"<h1>{E(h.InitiativeName)}</h1>");
        s.Append($"<p class=\"meta\">Stand {h.Date.ToString("d. MMMM yyyy", Format.German)} · {(h.OwnAnswersOnly ? "nur Ihre eigenen Antworten" : h.Respondents == 1 ? "Antworten von 1 Person" : $"Antworten von {h.Respondents} Personen")} · Leitfaden-Version {E(h.Version)}</p>");

        s.Append("<section class=\"overview\"><h2>Auf einen Blick</h2><div class=\"overall\">");
        s.Append($"<p class=\"big\">{E(ProfileTexts.Value(r.Overall))}{(r.Overall.Assessable ? "<span> von 100</span>" : string.Empty)}</p>");
        s.Append($"<div><p class=\"band\">Gesamt: {E(r.Overall.Band ?? ProfileTexts.NotAssessable)}</p><p>{E(ProfileTexts.OverallSentence(r))}</p></div></div>");
        s.Append("<div class=\"charts\">");
        var own = r.Sections.Where(x => !x.IsContext).ToList(); // the surroundings are listed, not drawn as the initiative's shape
        s.Append(own.Count >= 3 ? Radar(own) : Bars(own)); // a radar needs three spokes
        s.Append("<table class=\"scores\"><caption>Ihre Abschnitte</caption><tbody>");
        foreach (var line in r.Sections)
        {
            s.Append($"<tr><th scope=\"row\">{E(line.Label)}</th><td>{E(ProfileTexts.Value(line))}</td><td>{E(ProfileTexts.BandOf(line))}</td></tr>");
        }

        s.Append("</tbody></table></div>");
        s.Append("<h3>Aspekte und Wirkungsrichtungen</h3>");
        s.Append(Bars(r.Aspects.Concat(r.Dimensions).ToList()));
        if (r.Sections.Concat(r.Aspects).Any(x => x.IsContext))
        {
            s.Append($"<p class=\"note\">{E(ProfileTexts.ContextNote)}</p>");
        }

        if (ProfileTexts.MeasureLines(r.Measures) is { Count: > 0 } measures)
        {
            s.Append($"<h3>{E(ProfileTexts.MeasuresTitle)}</h3>");
            s.Append(Bars(measures));
        }

        if (r.Unanswered > 0)
        {
            s.Append($"<p class=\"note\">{r.Unanswered} Fragen sind noch unbeantwortet; sie fließen nicht in die Werte ein.</p>");
        }

        if (r.DontKnow > 0)
        {
            s.Append($"<p class=\"note\">{E(ProfileTexts.DontKnowNote(r.DontKnow))}</p>");
        }

        s.Append("</section>");

        if (r.Benchmark is { } bench)
        {
            s.Append("<section class=\"benchmark\"><h2>Im Vergleich mit ähnlichen Initiativen</h2>");
            if (bench.Unavailable is not null)
            {
                s.Append($"<p class=\"note\">{E(bench.Unavailable)}</p>");
            }
            else
            {
                s.Append($"<p>{E(ProfileTexts.BenchmarkIntro(bench))} Das Band zeigt die mittlere Hälfte, der Strich den Median, der Punkt Ihren Wert.</p><table class=\"bars\"><tbody>");
                foreach (var line in bench.Sections)
                {
                    var marker = line.Score is { } sc ? $"<circle class=\"own\" cx=\"{N(sc)}\" cy=\"5\" r=\"3.2\"/>" : string.Empty;
                    s.Append($"<tr><th scope=\"row\">{E(line.Label)}</th><td class=\"bar\"><svg viewBox=\"-4 0 108 10\" aria-hidden=\"true\"><rect class=\"track\" y=\"3\" width=\"100\" height=\"4\"/><rect class=\"band\" x=\"{N(line.P25)}\" y=\"1\" width=\"{N(Math.Max(0.8m, line.P75 - line.P25))}\" height=\"8\"/><line class=\"median\" x1=\"{N(line.Median)}\" x2=\"{N(line.Median)}\" y1=\"0\" y2=\"10\"/>{marker}</svg></td><td>{(line.Score is { } v ? $"{Format.Number(v)} · {E(line.Position is { } pos ? ProfileTexts.Position(pos) : null)}" : "nicht bewertbar")}</td></tr>");
                }

                s.Append("</tbody></table>");
            }

            s.Append("</section>");
        }

        s.Append($"<section><h2>{E(ProfileTexts.StrengthsTitle)}</h2><p class=\"note\">{E(ProfileTexts.StrengthsIntro(r))}</p>");
        s.Append("<ul class=\"items\">");
        foreach (var item in r.Strengths)
        {
            s.Append(Item(item.Number, item.Text, ProfileTexts.AnswerLabel + ProfileTexts.Answer(item.Answer), null));
        }

        s.Append("</ul>");
        s.Append($"</section><section><h2>{E(ProfileTexts.WeaknessesTitle)}</h2><p class=\"note\">{E(ProfileTexts.WeaknessesIntro(r))}</p>");
        s.Append("<ul class=\"items\">");
        foreach (var w in r.Weaknesses)
        {
            s.Append(Item(w.Item.Number, w.Item.Text, ProfileTexts.AnswerLabel + ProfileTexts.Answer(w.Item.Answer), w.Hint));
        }

        s.Append("</ul></section>");

        s.Append("<section><h2>Unterstützungsbedarf und passende Angebote</h2>");
        if (r.SupportNeeds.Count == 0)
        {
            s.Append("<p class=\"note\">Aus Ihren Antworten ergibt sich derzeit kein besonderer Unterstützungsbedarf.</p>");
        }
        else if (r.OffersDate is { } asOf)
        {
            s.Append($"<p class=\"note\">{E(ProfileTexts.OffersAsOf(asOf))}</p>");
        }

        foreach (var need in r.SupportNeeds)
        {
            s.Append($"<div class=\"need\"><h3>{E(need.Title)} <span class=\"level {E(need.Urgency.ToString().ToLowerInvariant())}\">Dringlichkeit {E(ProfileTexts.Urgency(need.Urgency))}</span></h3>");
            s.Append(markdown.Render(need.Description).ToString() ?? string.Empty);
            var facts = new[] { ProfileTexts.OfferFacts(need) is { } f ? E(f) : null, need.Contact is { } c ? E(ProfileTexts.ContactLabel) + Contact(c) : null }.OfType<string>().ToList();
            if (facts.Count > 0)
            {
                s.Append($"<p class=\"offer-facts\">{string.Join(" · ", facts)}</p>");
            }

            s.Append("<p><strong>Aus diesen Antworten:</strong></p><ul class=\"because\">");
            foreach (var b in need.Because)
            {
                s.Append($"<li><span class=\"num\">{E(b.Number)}</span> {E(b.Text)} <span class=\"answer\">– {E(ProfileTexts.Answer(b.Answer))}</span></li>");
            }

            if (need.FurtherItems > 0)
            {
                s.Append($"<li class=\"note\">… und {need.FurtherItems} weitere Antworten.</li>");
            }

            s.Append("</ul><p><strong>Nächste Schritte:</strong></p><ul class=\"steps\">");
            foreach (var step in need.NextSteps)
            {
                s.Append($"<li>{E(step)}</li>");
            }

            s.Append("</ul>");
            if (need.AlsoWorthALook.Count > 0)
            {
                s.Append($"<p class=\"also\">{E(ProfileTexts.AlsoWorthALook)}{E(string.Join(", ", need.AlsoWorthALook.Select(o => o.Title)))}</p>");
            }

            s.Append("</div>");
        }

        s.Append("</section>");

        if (r.Team is { } team)
        {
            s.Append("<section><h2>Einigkeit im Team</h2>");
            s.Append($"<p>{E(ProfileTexts.Agreement(team))}</p>");
            s.Append(Bars(team.Sections.Select(x => new ScoreLine(x.Label, x.Label, x.Agreement, x.Agreement is not null, null, 1)).ToList()));
            s.Append("<h3>Diskussionsbedarf</h3>");
            if (team.Discuss.Count == 0)
            {
                s.Append("<p class=\"note\">Bei keiner Frage liegen die Antworten zwei Skalenstufen oder mehr auseinander.</p>");
            }
            else
            {
                s.Append("<p>Bei diesen Fragen liegen die Antworten zwei Skalenstufen oder mehr auseinander. Wer was geantwortet hat, zeigt SelfEval nicht.</p><ul class=\"items\">");
                foreach (var d in team.Discuss)
                {
                    s.Append(Item(d.Item.Number, d.Item.Text, $"Antworten {ProfileTexts.Range(d.Item.Answer)}", null));
                }

                s.Append("</ul>");
            }

            s.Append("</section>");
        }

        if (r.Trend is { } trend)
        {
            s.Append($"<section><h2>Entwicklung seit Durchgang {trend.PreviousRound}</h2><table class=\"trend\"><thead><tr><th scope=\"col\">Abschnitt</th><th scope=\"col\">vorher</th><th scope=\"col\">jetzt</th><th scope=\"col\">Veränderung</th></tr></thead><tbody>");
            foreach (var t in new[] { trend.Overall }.Concat(trend.Sections))
            {
                s.Append($"<tr><th scope=\"row\">{E(t.Label)}</th><td>{V(t.Before)}</td><td>{V(t.Now)}</td><td>{(t.Delta is { } d ? E(Format.Signed(d)) : "–")}</td></tr>");
            }

            s.Append("</tbody></table></section>");
        }

        s.Append("<section><h2>Alle Abschnitte im Einzelnen</h2>");
        foreach (var section in r.Details)
        {
            s.Append($"<h3>{E(section.Number)} {E(section.Title)} <span class=\"score\">{E(ProfileTexts.ValueAndBand(section.Score))}</span></h3>");
            if (ProfileTexts.MeasuresInline(section.Measures) is { } sectionMeasures)
            {
                s.Append($"<p class=\"note\">{E(sectionMeasures)}</p>");
            }

            s.Append("<table class=\"details\"><tbody>");
            foreach (var item in section.Items)
            {
                s.Append($"<tr><td class=\"num\">{E(item.Number)}</td><td>{E(item.Text)}</td><td class=\"answer\">{E(ProfileTexts.Answer(item.Answer))}{(item.ToDiscuss ? " · <strong>Diskussionsbedarf</strong>" : string.Empty)}</td></tr>");
            }

            s.Append("</tbody></table>");
        }

        s.Append("</section>");
        s.Append(OpenAnswers(r));

        if (r.Checklist is { Count: > 0 } checklist)
        {
            s.Append("<section><h2>Aufbau-Checkliste</h2><p>Alles, was noch nicht vollständig umgesetzt ist, mit dem nächsten Schritt.</p>");
            foreach (var section in checklist)
            {
                s.Append($"<h3>{E(section.Number)} {E(section.Title)}</h3><ul class=\"checklist\">");
                foreach (var item in section.Items)
                {
                    s.Append($"<li><strong>{E(item.Text)}</strong><br><span class=\"answer\">Stand: {E(ProfileTexts.Answer(item.State))}</span><br>{E(item.NextStep)}</li>");
                }

                s.Append("</ul>");
            }

            s.Append("</section>");
        }

        s.Append($"<section class=\"method\">{markdown.Render(r.MethodMarkdown)}</section>");
        s.Append("</article>");
        return s.ToString();
    }

    private static string OpenAnswers(ProfileReport r)
    {
        if (r.Goals.Count + r.OpenAnswers.Count == 0)
        {
            return string.Empty;
        }

        var s = new StringBuilder($"<section class=\"open-answers\"><h2>{E(Assessments.SharingTexts.OpenAnswersTitle)}</h2>");
        if (!r.Header.OwnAnswersOnly)
        {
            s.Append($"<p class=\"note\">{E(Assessments.SharingTexts.OpenAnswersNote)}</p>");
        }

        foreach (var question in r.Goals.Concat(r.OpenAnswers))
        {
            s.Append($"<h3>{E(question.Number)} {E(question.Text)}</h3><ul>");
            foreach (var answer in question.Answers)
            {
                s.Append($"<li>{E(answer)}</li>");
            }

            s.Append("</ul>");
        }

        return s.Append("</section>").ToString();
    }

    /// <summary>A numbered question with its answer and, for a weakness, the next step.</summary>
    private static string Item(string number, string text, string answer, string? nextStep) =>
        $"<li><span class=\"num\">{E(number)}</span> <strong>{E(text)}</strong><br><span class=\"answer\">{E(answer)}</span>" +
        (nextStep is null ? string.Empty : $"<br><span class=\"step\">Nächster Schritt: {E(nextStep)}</span>") + "</li>";

    /// <summary>A web link or an e-mail address from the catalogue as a link; anything else as text.</summary>
    private static string Contact(string contact) =>
        contact.StartsWith("https://", StringComparison.Ordinal) ? $"<a href=\"{E(contact)}\">{E(contact)}</a>"
        : contact.Contains('@', StringComparison.Ordinal) && !contact.Contains(':', StringComparison.Ordinal) ? $"<a href=\"mailto:{E(contact)}\">{E(contact)}</a>"
        : E(contact);

    private static string V(decimal? value) => value is { } v ? Format.Number(v) : "–";

    /// <summary>A radar of the sections, numbered spokes; the table beside it carries the values as text.</summary>
    private static string Radar(IReadOnlyList<ScoreLine> sections)
    {
        const double size = 300, c = 150, radius = 115;
        var n = sections.Count;
        (double X, double Y) P(double r, int i)
        {
            var a = -Math.PI / 2 + 2 * Math.PI * i / n;
            return (c + r * Math.Cos(a), c + r * Math.Sin(a));
        }

        string Points(Func<int, double> r) => string.Join(' ', Enumerable.Range(0, n).Select(i => P(r(i), i)).Select(p => $"{N((decimal)p.X)},{N((decimal)p.Y)}"));
        var s = new StringBuilder($"<svg class=\"radar\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"Netzdiagramm der Abschnittswerte (Werte in der Tabelle)\">");
        foreach (var ring in new[] { 25, 50, 75, 100 })
        {
            s.Append($"<polygon class=\"ring\" points=\"{Points(_ => radius * ring / 100)}\"/>");
        }

        for (var i = 0; i < n; i++)
        {
            var (x, y) = P(radius, i);
            var (lx, ly) = P(radius + 14, i);
            s.Append($"<line class=\"spoke\" x1=\"{c}\" y1=\"{c}\" x2=\"{N((decimal)x)}\" y2=\"{N((decimal)y)}\"/>");
            s.Append($"<text x=\"{N((decimal)lx)}\" y=\"{N((decimal)ly + 4)}\" text-anchor=\"middle\">{E(sections[i].Label.Split(' ')[0])}</text>");
        }

        s.Append($"<polygon class=\"value\" points=\"{Points(i => radius * (double)(sections[i].Assessable ? sections[i].Value ?? 0 : 0) / 100)}\"/>");
        s.Append("</svg>");
        return s.ToString();
    }

    private static string Bars(IReadOnlyList<ScoreLine> lines)
    {
        var s = new StringBuilder("<table class=\"bars\"><tbody>");
        foreach (var line in lines)
        {
            var width = line.Assessable && line.Value is { } v ? N(v) : "0";
            s.Append($"<tr><th scope=\"row\">{E(line.Label)}</th><td class=\"bar\"><svg viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"track\" width=\"100\" height=\"8\"/><rect class=\"fill\" width=\"{width}\" height=\"8\"/></svg></td><td>{E(ProfileTexts.ValueAndBand(line))}</td></tr>");
        }

        s.Append("</tbody></table>");
        return s.ToString();
    }
}
