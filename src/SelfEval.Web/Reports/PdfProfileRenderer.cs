using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using SelfEval.Scoring.Profile;

namespace SelfEval.Web.Reports;

/// <summary>Lays a report out; knows nothing of scoring. Another PDF library replaces only this.</summary>
public interface IProfileRenderer
{
    string ContentType { get; }

    byte[] Render(ProfileReport report);
}

/// <summary>The profile as an A4 PDF with PDFsharp, fonts embedded from the assembly.</summary>
public sealed partial class PdfProfileRenderer : IProfileRenderer
{
    private static readonly XColor Ink = XColor.FromArgb(29, 36, 48);
    private static readonly XColor Muted = XColor.FromArgb(74, 85, 102);
    private static readonly XColor Accent = XColor.FromArgb(11, 92, 142);
    private static readonly XColor Soft = XColor.FromArgb(226, 235, 243);
    private static readonly XColor Line = XColor.FromArgb(190, 199, 210);

    private readonly XFont _body = new(EmbeddedFonts.Family, 9.5);
    private readonly XFont _bold = new(EmbeddedFonts.Family, 9.5, XFontStyleEx.Bold);
    private readonly XFont _small = new(EmbeddedFonts.Family, 8);
    private readonly XFont _smallBold = new(EmbeddedFonts.Family, 8, XFontStyleEx.Bold);
    private readonly XFont _italic = new(EmbeddedFonts.Family, 9.5, XFontStyleEx.Italic);
    private readonly XFont _h1 = new(EmbeddedFonts.Family, 20, XFontStyleEx.Bold);
    private readonly XFont _h2 = new(EmbeddedFonts.Family, 14, XFontStyleEx.Bold);
    private readonly XFont _h3 = new(EmbeddedFonts.Family, 10.5, XFontStyleEx.Bold);
    private readonly XBrush _ink = new XSolidBrush(Ink);
    private readonly XBrush _muted = new XSolidBrush(Muted);
    private readonly XBrush _accent = new XSolidBrush(Accent);

    /// <summary>PDFsharp needs a font resolver on Linux, once per process and before any font.</summary>
    static PdfProfileRenderer()
    {
        GlobalFontSettings.FontResolver ??= new EmbeddedFonts();
    }

    public string ContentType => "application/pdf";

    public byte[] Render(ProfileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = new PdfDocument();
        document.Info.Title = $"Ergebnisprofil {report.Header.GuideTitle} – {report.Header.InitiativeName}";
        document.Info.Author = "SelfEval";
        document.Info.Subject = report.Header.GuideSubtitle ?? report.Header.GuideTitle;
        document.Info.Creator = "SelfEval (PDFsharp)";
        document.ViewerPreferences.DisplayDocTitle = true;

        var layout = new PdfLayout(document);
        Cover(layout, report);
        layout.NewPage();
        Summary(layout, report);
        if (report.Benchmark is { } benchmark)
        {
            layout.NewPage();
            Benchmark(layout, benchmark);
        }

        layout.NewPage();
        StrengthsAndWeaknesses(layout, report);
        SupportNeeds(layout, report);
        if (report.Team is { } team)
        {
            layout.NewPage();
            Agreement(layout, team);
        }

        if (report.Trend is { } trend)
        {
            layout.NewPage();
            Trend(layout, trend);
        }

        layout.NewPage();
        Details(layout, report);
        OpenAnswers(layout, report);
        if (report.Checklist is { Count: > 0 } checklist)
        {
            layout.NewPage();
            Checklist(layout, checklist);
        }

        layout.NewPage();
        Method(layout, report.MethodMarkdown);
        layout.Finish();
        Decorate(layout, report);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private void Heading(PdfLayout l, string text, XFont font, double before = 4, double keep = 60)
    {
        l.Need(l.LineHeight(font) + keep);
        l.Y += before;
        l.Paragraph(text, font, _ink, after: font.Size * 0.5);
    }

    private void Cover(PdfLayout l, ProfileReport r)
    {
        var h = r.Header;
        l.G.DrawRectangle(new XSolidBrush(Accent), 0, 0, PdfLayout.PageWidth, 230);
        l.G.DrawString("SelfEval · Ergebnisprofil", new XFont(EmbeddedFonts.Family, 11, XFontStyleEx.Bold), XBrushes.White, PdfLayout.Left, 70, XStringFormats.Default);
        l.Y = 110;
        l.TextAt([new Run(h.GuideTitle, new XFont(EmbeddedFonts.Family, 28, XFontStyleEx.Bold), XBrushes.White)], PdfLayout.Left, 100, PdfLayout.Width);
        if (h.GuideSubtitle is not null)
        {
            l.TextAt([new Run(h.GuideSubtitle, new XFont(EmbeddedFonts.Family, 12), XBrushes.White)], PdfLayout.Left, 150, PdfLayout.Width);
        }

        l.Y = 280;
        l.Paragraph(h.InitiativeName, _h1, _ink, after: 14);
        var facts = new (string, string)[]
        {
            ("Durchgang", h.RoundNumber.ToString(Format.German)),
            ("Stand", h.Date.ToString("d. MMMM yyyy", Format.German)),
            ("Antworten", h.OwnAnswersOnly ? "nur Ihre eigenen Antworten" : h.Respondents == 1 ? "1 Person" : $"{h.Respondents} Personen"),
            ("Leitfaden", $"„{h.GuideTitle}“, Version {h.Version} (Prüfsumme {h.Hash[..12]})"),
        };
        foreach (var (label, value) in facts)
        {
            l.Need(16);
            l.G.DrawString(label, _bold, _muted, PdfLayout.Left, l.Y + 9.5, XStringFormats.Default);
            l.TextAt([new Run(value, _body, _ink)], PdfLayout.Left + 90, l.Y, PdfLayout.Width - 90);
            l.Y += 17;
        }

        l.Y += 20;
        l.Paragraph(
            "Dieses Profil zeigt, wo Ihre Initiative nach Ihren eigenen Antworten steht: Stärken, Entwicklungsfelder und die Angebote der Servicestelle, die dazu passen. " +
            "Es misst an den Zielen Ihrer Initiative, nicht an einer Rangliste. Wie jede Zahl entstanden ist, erklärt der Anhang „So wurde gerechnet“.",
            _body, _muted);
    }

    private void Summary(PdfLayout l, ProfileReport r)
    {
        Heading(l, "Auf einen Blick", _h2, before: 0);
        var boxTop = l.Y;
        l.G.DrawRectangle(new XPen(Line, 0.8), new XSolidBrush(XColor.FromArgb(244, 247, 250)), PdfLayout.Left, boxTop, PdfLayout.Width, 86);
        l.G.DrawString(ProfileTexts.Value(r.Overall), new XFont(EmbeddedFonts.Family, r.Overall.Assessable ? 30 : 14, XFontStyleEx.Bold), _accent, PdfLayout.Left + 14, boxTop + 42, XStringFormats.Default);
        l.G.DrawString(r.Overall.Assessable ? "von 100" : string.Empty, _small, _muted, PdfLayout.Left + 16, boxTop + 58, XStringFormats.Default);
        var textX = PdfLayout.Left + 100;
        l.TextAt([new Run("Gesamt: " + (r.Overall.Band ?? "nicht bewertbar"), _h3, _ink)], textX, boxTop + 10, PdfLayout.Width - 114);
        l.TextAt([new Run(ProfileTexts.OverallSentence(r), _body, _ink)], textX, boxTop + 28, PdfLayout.Width - 114);
        l.Y = boxTop + 100;

        Heading(l, "Ihre Abschnitte", _h3, keep: 250);
        // The surroundings are listed, not drawn as the initiative's shape.
        var own = r.Sections.Where(x => !x.IsContext).ToList();
        if (own.Count >= 3)
        {
            Radar(l, own);
        }
        else
        {
            // A radar needs three spokes; one or two sections are read better as bars.
            foreach (var line in own)
            {
                Bar(l, line.Label, line, labelWidth: 150);
            }
        }
        Heading(l, "Aspekte und Wirkungsrichtungen", _h3, keep: 120);
        foreach (var line in r.Sections.Where(x => x.IsContext).Concat(r.Aspects).Concat(r.Dimensions))
        {
            Bar(l, line.Label, line, labelWidth: 150);
        }

        if (r.Sections.Concat(r.Aspects).Any(x => x.IsContext))
        {
            l.Paragraph([new Run(ProfileTexts.ContextNote, _small, _ink)]);
        }

        if (ProfileTexts.MeasureLines(r.Measures) is { Count: > 0 } measures)
        {
            Heading(l, ProfileTexts.MeasuresTitle, _h3, keep: 50);
            foreach (var line in measures)
            {
                Bar(l, line.Label, line, labelWidth: 150);
            }
        }

        if (r.Unanswered > 0)
        {
            l.Y += 4;
            l.Paragraph($"{r.Unanswered} Fragen sind noch unbeantwortet; sie fließen nicht in die Werte ein.", _small, _muted);
        }

        if (r.DontKnow > 0)
        {
            l.Y += r.Unanswered > 0 ? 0 : 4;
            l.Paragraph(ProfileTexts.DontKnowNote(r.DontKnow), _small, _muted);
        }
    }

    /// <summary>A radar of the section scores: numbers on the spokes, a legend with the values below.</summary>
    private void Radar(PdfLayout l, IReadOnlyList<ScoreLine> sections)
    {
        var n = sections.Count;
        const double radius = 95;
        var cx = PdfLayout.Left + 130;
        var cy = l.Y + radius + 16;
        var pen = new XPen(Line, 0.6);
        foreach (var ring in new[] { 25, 50, 75, 100 })
        {
            var points = Enumerable.Range(0, n).Select(i => Spoke(cx, cy, radius * ring / 100, i, n)).ToArray();
            l.G.DrawPolygon(pen, points);
        }

        for (var i = 0; i < n; i++)
        {
            var end = Spoke(cx, cy, radius, i, n);
            l.G.DrawLine(pen, cx, cy, end.X, end.Y);
            var label = Spoke(cx, cy, radius + 11, i, n);
            var number = sections[i].Label.Split(' ')[0];
            l.G.DrawString(number, _smallBold, _ink, new XRect(label.X - 10, label.Y - 6, 20, 12), XStringFormats.Center);
        }

        var shape = Enumerable.Range(0, n).Select(i => Spoke(cx, cy, radius * (double)(sections[i].Assessable ? sections[i].Value ?? 0 : 0) / 100, i, n)).ToArray();
        l.G.DrawPolygon(new XPen(Accent, 1.6), new XSolidBrush(XColor.FromArgb(70, Accent.R, Accent.G, Accent.B)), shape, XFillMode.Winding);
        foreach (var p in shape)
        {
            l.G.DrawEllipse(new XSolidBrush(Accent), p.X - 2, p.Y - 2, 4, 4);
        }

        // The legend beside the chart names every spoke with its value (the chart alone never carries a number).
        var x = PdfLayout.Left + 265;
        var y = l.Y + 4;
        foreach (var s in sections)
        {
            var value = ProfileTexts.ValueAndBand(s);
            var h = l.TextAt([new Run(s.Label, _small, _ink)], x, y, 150);
            l.G.DrawString(value, _smallBold, _ink, new XRect(x + 152, y, 62, 10), XStringFormats.TopLeft);
            y += Math.Max(h, 11) + 2;
        }

        l.Y = Math.Max(cy + radius + 22, y) + 6;
    }

    private static XPoint Spoke(double cx, double cy, double r, int i, int n)
    {
        var angle = -Math.PI / 2 + 2 * Math.PI * i / n;
        return new XPoint(cx + r * Math.Cos(angle), cy + r * Math.Sin(angle));
    }

    private void Bar(PdfLayout l, string label, ScoreLine line, double labelWidth)
    {
        l.Need(18);
        var top = l.Y;
        var h = l.TextAt([new Run(label, _body, _ink)], PdfLayout.Left, top, labelWidth - 6);
        var x = PdfLayout.Left + labelWidth;
        var width = PdfLayout.Width - labelWidth - 110;
        l.G.DrawRectangle(new XPen(Line, 0.6), new XSolidBrush(XColor.FromArgb(244, 247, 250)), x, top + 2, width, 9);
        if (line.Assessable && line.Value is { } v)
        {
            l.G.DrawRectangle(new XSolidBrush(Accent), x, top + 2, width * (double)v / 100, 9);
            l.G.DrawString(ProfileTexts.ValueAndBand(line), _bold, _ink, x + width + 8, top + 9.5, XStringFormats.Default);
        }
        else
        {
            l.G.DrawString("nicht bewertbar", _italic, _muted, x + width + 8, top + 9.5, XStringFormats.Default);
        }

        l.Y = top + Math.Max(h, 14) + 3;
    }

    private void Benchmark(PdfLayout l, BenchmarkReport b)
    {
        Heading(l, "Im Vergleich mit ähnlichen Initiativen", _h2, before: 0);
        if (b.Unavailable is not null)
        {
            l.Paragraph(b.Unavailable, _body, _muted);
            return;
        }

        l.Paragraph($"{ProfileTexts.BenchmarkIntro(b)} Das graue Band zeigt die mittlere Hälfte dieser Initiativen, der Strich in ihm den Median, der Punkt Ihren Wert.", _body, _muted, after: 8);
        foreach (var line in b.Sections)
        {
            l.Need(18);
            var top = l.Y;
            var h = l.TextAt([new Run(line.Label, _body, _ink)], PdfLayout.Left, top, 170);
            var x = PdfLayout.Left + 178;
            const double width = 190;
            l.G.DrawRectangle(new XPen(Line, 0.5), x, top + 4, width, 6);
            l.G.DrawRectangle(new XSolidBrush(XColor.FromArgb(190, 199, 210)), x + width * (double)line.P25 / 100, top + 2, Math.Max(1, width * (double)(line.P75 - line.P25) / 100), 10);
            l.G.DrawLine(new XPen(Ink, 1.2), x + width * (double)line.Median / 100, top + 1, x + width * (double)line.Median / 100, top + 13);
            if (line.Score is { } score)
            {
                var mx = x + width * (double)score / 100;
                l.G.DrawEllipse(new XPen(XColors.White, 1), new XSolidBrush(Accent), mx - 4, top + 3, 8, 8);
            }

            l.G.DrawString(line.Score is { } s2 && line.Position is { } pos ? $"{Format.Number(s2)} · {ProfileTexts.Position(pos)}" : "nicht bewertbar", line.Position == SelfEval.Scoring.Statistics.QuartilePosition.Lower ? _bold : _body, _ink, x + width + 10, top + 9.5, XStringFormats.Default);
            l.Y = top + Math.Max(h, 15) + 3;
        }
    }

    private void StrengthsAndWeaknesses(PdfLayout l, ProfileReport r)
    {
        Heading(l, ProfileTexts.StrengthsTitle, _h2, before: 0);
        l.Paragraph(ProfileTexts.StrengthsIntro(r), _body, _muted);
        foreach (var s in r.Strengths)
        {
            Item(l, s.Number, s.Text, ProfileTexts.Answer(s.Answer), null);
        }

        Heading(l, ProfileTexts.WeaknessesTitle, _h2, before: 10);
        l.Paragraph(ProfileTexts.WeaknessesIntro(r), _body, _muted);
        foreach (var w in r.Weaknesses)
        {
            Item(l, w.Item.Number, w.Item.Text, ProfileTexts.Answer(w.Item.Answer), w.Hint);
        }
    }

    /// <summary>A numbered question with its answer and, where there is one, the next step.</summary>
    private void Item(PdfLayout l, string number, string text, string answer, string? nextStep, string answerLabel = "Antwort: ")
    {
        var runs = new List<Run> { new(text, _bold, _ink) };
        var height = l.Measure(runs, PdfLayout.Width - 34) + 14 + (nextStep is null ? 0 : l.Measure([new Run(nextStep, _body, _ink)], PdfLayout.Width - 34));
        l.Need(height + 6);
        l.G.DrawString(number, _smallBold, _accent, PdfLayout.Left, l.Y + 9, XStringFormats.Default);
        l.Y += l.TextAt(runs, PdfLayout.Left + 34, l.Y, PdfLayout.Width - 34);
        l.Y += l.TextAt([new Run(answerLabel, _smallBold, _muted), new Run(answer, _small, _muted)], PdfLayout.Left + 34, l.Y, PdfLayout.Width - 34);
        if (nextStep is not null)
        {
            l.Y += l.TextAt([new Run("Nächster Schritt: ", _bold, _accent), new Run(nextStep, _body, _ink)], PdfLayout.Left + 34, l.Y + 1, PdfLayout.Width - 34) + 1;
        }

        l.Y += 6;
    }

    private void SupportNeeds(PdfLayout l, ProfileReport r)
    {
        Heading(l, "Unterstützungsbedarf und passende Angebote", _h2, before: 12, keep: 90);
        if (r.SupportNeeds.Count == 0)
        {
            l.Paragraph("Aus Ihren Antworten ergibt sich derzeit kein besonderer Unterstützungsbedarf. Der Austausch mit anderen Initiativen lohnt sich trotzdem.", _body, _muted);
            return;
        }

        l.Paragraph("Geordnet nach Dringlichkeit. Jedes Angebot nennt die Antworten, aus denen sich der Bedarf ergibt." + (r.OffersDate is { } asOf ? " " + ProfileTexts.OffersAsOf(asOf) : string.Empty), _body, _muted);
        foreach (var need in r.SupportNeeds)
        {
            l.Need(70);
            l.Y += 4;
            l.G.DrawRectangle(new XSolidBrush(Soft), PdfLayout.Left, l.Y, 4, 14);
            l.Paragraph([new Run(need.Title, _h3, _ink), new Run($"   Dringlichkeit {ProfileTexts.Urgency(need.Urgency)}", _smallBold, need.Urgency == Urgency.High ? _accent : _muted)], indent: 10, after: 2);
            if (need.Description.Length > 0)
            {
                l.Paragraph(StripMarkdown(need.Description), _body, _ink, indent: 10, after: 3);
            }

            var facts = new[] { ProfileTexts.OfferFacts(need), need.Contact is { } c ? ProfileTexts.ContactLabel + c : null }.OfType<string>().ToList();
            if (facts.Count > 0)
            {
                l.Paragraph(string.Join(" · ", facts), _small, _muted, indent: 10, after: 3);
            }

            l.Paragraph([new Run("Aus diesen Antworten:", _bold, _ink)], indent: 10, after: 1);
            foreach (var b in need.Because)
            {
                l.Paragraph([new Run($"{b.Number} ", _smallBold, _accent), new Run(b.Text, _body, _ink), new Run($" – {b.Answer}", _small, _muted)], indent: 18, after: 1);
            }

            if (need.FurtherItems > 0)
            {
                l.Paragraph($"… und {need.FurtherItems} weitere Antworten.", _small, _muted, indent: 18, after: 1);
            }

            l.Paragraph([new Run("Nächste Schritte:", _bold, _ink)], indent: 10, after: 1);
            foreach (var step in need.NextSteps)
            {
                l.Paragraph([new Run("→ ", _bold, _accent), new Run(step, _body, _ink)], indent: 18, after: 1);
            }

            if (need.AlsoWorthALook.Count > 0)
            {
                l.Paragraph([new Run(ProfileTexts.AlsoWorthALook, _bold, _ink), new Run(string.Join(", ", need.AlsoWorthALook.Select(o => o.Title)), _body, _ink)], indent: 10, after: 1);
            }

            l.Y += 6;
        }
    }

    private void Agreement(PdfLayout l, TeamAgreement team)
    {
        Heading(l, "Einigkeit im Team", _h2, before: 0);
        l.Paragraph(
            ProfileTexts.Agreement(team),
            _body, _ink);
        Heading(l, "Übereinstimmung je Abschnitt", _h3, keep: 60);
        foreach (var s in team.Sections)
        {
            Bar(l, s.Label, new ScoreLine(s.Label, s.Label, s.Agreement, s.Agreement is not null, null, 1), 200);
        }

        Heading(l, "Diskussionsbedarf", _h2, before: 12);
        if (team.Discuss.Count == 0)
        {
            l.Paragraph("Bei keiner Frage liegen die Antworten zwei Skalenstufen oder mehr auseinander.", _body, _muted);
            return;
        }

        l.Paragraph("Bei diesen Fragen liegen die Antworten zwei Skalenstufen oder mehr auseinander. Sprechen Sie im Team darüber, bevor Sie Maßnahmen planen – wer was geantwortet hat, zeigt SelfEval nicht.", _body, _muted);
        foreach (var d in team.Discuss)
        {
            Item(l, d.Item.Number, d.Item.Text, $"{ProfileTexts.Range(d.Item.Answer)} ({ProfileTexts.Steps(d.Steps)})", null, "Antworten ");
        }
    }

    private void Trend(PdfLayout l, TrendReport trend)
    {
        Heading(l, "Entwicklung seit dem letzten Durchgang", _h2, before: 0);
        l.Paragraph($"Verglichen mit Durchgang {trend.PreviousRound} (Leitfaden-Version {trend.PreviousVersion}).", _body, _muted);
        foreach (var t in new[] { trend.Overall }.Concat(trend.Sections))
        {
            l.Need(14);
            var top = l.Y;
            var h = l.TextAt([new Run(t.Label, t == trend.Overall ? _bold : _body, _ink)], PdfLayout.Left, top, 250);
            l.G.DrawString(Value(t.Before), _body, _muted, PdfLayout.Left + 270, top + 9.5, XStringFormats.Default);
            l.G.DrawString("→", _body, _muted, PdfLayout.Left + 300, top + 9.5, XStringFormats.Default);
            l.G.DrawString(Value(t.Now), _bold, _ink, PdfLayout.Left + 318, top + 9.5, XStringFormats.Default);
            l.G.DrawString(t.Delta is { } d ? Format.Signed(d) : "–", _bold, t.Delta < 0 ? _ink : _accent, PdfLayout.Left + 360, top + 9.5, XStringFormats.Default);
            l.Y = top + Math.Max(h, 13) + 2;
        }

        if (trend.Items.Count > 0)
        {
            Heading(l, "Fragen mit den größten Veränderungen", _h3, before: 10);
            foreach (var t in trend.Items)
            {
                l.Paragraph([new Run(t.Label, _body, _ink), new Run($"  {Value(t.Before)} → {Value(t.Now)} ({Format.Signed(t.Delta!.Value)})", _bold, _ink)]);
            }
        }
    }

    private static string Value(decimal? value) => value is { } v ? Format.Number(v) : "–";

    private void Details(PdfLayout l, ProfileReport r)
    {
        Heading(l, "Alle Abschnitte im Einzelnen", _h2, before: 0);
        foreach (var section in r.Details)
        {
            Heading(l, $"{section.Number} {section.Title}", _h3, before: 8, keep: 40);
            var summary = ProfileTexts.ValueAndBand(section.Score);
            if (section.Agreement is { } a)
            {
                summary += $" · Einigkeit {Format.Number(a)}";
            }

            if (ProfileTexts.MeasuresInline(section.Measures) is { } measures)
            {
                summary += $" · {measures}";
            }

            l.Paragraph(summary, _small, _muted, after: 3);
            foreach (var item in section.Items)
            {
                var question = new List<Run> { new(item.Text, _body, _ink) };
                var answer = new List<Run> { new(ProfileTexts.Answer(item.Answer) + (item.ToDiscuss ? " · Diskussionsbedarf" : string.Empty), _small, item.ToDiscuss ? _accent : _muted) };
                var h = Math.Max(l.Measure(question, 250), l.Measure(answer, 150));
                l.Need(h + 4);
                var top = l.Y;
                l.G.DrawString(item.Number, _small, _muted, PdfLayout.Left, top + 8, XStringFormats.Default);
                l.TextAt(question, PdfLayout.Left + 30, top, 250);
                l.TextAt(answer, PdfLayout.Left + 290, top + 1, 150);
                if (item.Score is { } score)
                {
                    l.G.DrawRectangle(new XPen(Line, 0.5), PdfLayout.Right - 40, top + 3, 40, 6);
                    l.G.DrawRectangle(new XSolidBrush(Accent), PdfLayout.Right - 40, top + 3, 40 * (double)score / 100, 6);
                }

                l.Y = top + h + 4;
                l.G.DrawLine(new XPen(XColor.FromArgb(225, 230, 236), 0.4), PdfLayout.Left, l.Y - 2, PdfLayout.Right, l.Y - 2);
            }
        }
    }

    private void OpenAnswers(PdfLayout l, ProfileReport r)
    {
        if (r.Goals.Count + r.OpenAnswers.Count == 0)
        {
            return;
        }

        Heading(l, Assessments.SharingTexts.OpenAnswersTitle, _h2, before: 14);
        if (!r.Header.OwnAnswersOnly)
        {
            l.Paragraph(Assessments.SharingTexts.OpenAnswersNote, _body, _muted);
        }

        foreach (var question in r.Goals.Concat(r.OpenAnswers))
        {
            Heading(l, $"{question.Number} {question.Text}", _h3, before: 6, keep: 30);
            foreach (var answer in question.Answers)
            {
                // The layout wraps words, not line breaks: each line of a text is its own paragraph.
                var lines = answer.ReplaceLineEndings("\n").Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    var last = i == lines.Length - 1 ? 4 : 0;
                    if (i == 0)
                    {
                        l.Paragraph([new Run("– ", _bold, _accent), new Run(lines[i], _body, _ink)], indent: 10, after: last);
                    }
                    else
                    {
                        l.Paragraph([new Run(lines[i], _body, _ink)], indent: 18, after: last);
                    }
                }
            }
        }
    }

    private void Checklist(PdfLayout l, IReadOnlyList<ChecklistSection> checklist)
    {
        Heading(l, "Aufbau-Checkliste", _h2, before: 0);
        l.Paragraph("Alles, was nach Ihren Antworten noch nicht vollständig umgesetzt ist – mit einem konkreten nächsten Schritt. Drucken Sie die Liste für Ihr nächstes Treffen aus und haken Sie ab, was erledigt ist.", _body, _muted);
        foreach (var section in checklist)
        {
            Heading(l, $"{section.Number} {section.Title}", _h3, before: 6, keep: 36);
            foreach (var item in section.Items)
            {
                var runs = new List<Run> { new(item.Text, _bold, _ink) };
                var step = new List<Run> { new(item.NextStep, _body, _ink) };
                var h = l.Measure(runs, PdfLayout.Width - 24) + l.Measure(step, PdfLayout.Width - 24) + 12;
                l.Need(h + 4);
                l.G.DrawRectangle(new XPen(Ink, 0.9), PdfLayout.Left, l.Y + 2, 9, 9);
                l.Y += l.TextAt(runs, PdfLayout.Left + 20, l.Y, PdfLayout.Width - 24);
                l.Y += l.TextAt([new Run($"Stand: {item.State}", _small, _muted)], PdfLayout.Left + 20, l.Y, PdfLayout.Width - 24);
                l.Y += l.TextAt(step, PdfLayout.Left + 20, l.Y + 1, PdfLayout.Width - 24) + 7;
            }
        }
    }

    private void Method(PdfLayout l, string markdown)
    {
        var blocks = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var block in blocks)
        {
            var text = string.Join(' ', block.Split('\n').Select(x => x.Trim()));
            if (text.StartsWith("# ", StringComparison.Ordinal))
            {
                Heading(l, "Anhang: " + text[2..], _h2, before: 0);
                continue;
            }

            var lead = LeadPattern().Match(text);
            l.Paragraph(lead.Success
                ? [new Run(lead.Groups[1].Value + " ", _bold, _ink), new Run(StripMarkdown(text[lead.Length..].Trim()), _body, _ink)]
                : [new Run(StripMarkdown(text), _body, _ink)], after: 7);
        }
    }

    [GeneratedRegex(@"^\*\*(.+?)\*\*")]
    private static partial Regex LeadPattern();

    private static string StripMarkdown(string text) => text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal);

    /// <summary>Running header and "Seite x von y" on every page but the cover, drawn once all pages exist.</summary>
    private void Decorate(PdfLayout l, ProfileReport r)
    {
        var total = l.Pages.Count;
        for (var i = 1; i < total; i++)
        {
            using var g = XGraphics.FromPdfPage(l.Pages[i], XGraphicsPdfPageOptions.Append);
            var header = $"{r.Header.InitiativeName} · {r.Header.GuideTitle} · Durchgang {r.Header.RoundNumber}";
            g.DrawString(header, _small, _muted, new XRect(PdfLayout.Left, 36, PdfLayout.Width - 60, 12), XStringFormats.TopLeft);
            g.DrawString("SelfEval", _smallBold, _accent, new XRect(PdfLayout.Left, 36, PdfLayout.Width, 12), XStringFormats.TopRight);
            g.DrawLine(new XPen(Line, 0.5), PdfLayout.Left, 52, PdfLayout.Right, 52);
            g.DrawString($"Seite {i + 1} von {total}", _small, _muted, new XRect(PdfLayout.Left, PdfLayout.PageHeight - 44, PdfLayout.Width, 12), XStringFormats.TopRight);
            g.DrawString($"Stand {r.Header.Date.ToString("d. MMMM yyyy", Format.German)}", _small, _muted, new XRect(PdfLayout.Left, PdfLayout.PageHeight - 44, PdfLayout.Width, 12), XStringFormats.TopLeft);
        }
    }
}

/// <summary>DejaVu Sans from the assembly: no system fonts are read at run time.</summary>
internal sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["regular"] = "DejaVuSans.ttf",
        ["bold"] = "DejaVuSans-Bold.ttf",
        ["italic"] = "DejaVuSans-Oblique.ttf",
    };

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "bold" : italic ? "italic" : "regular", bold && italic, false);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream($"SelfEval.Web.Reports.Fonts.{Files[faceName]}")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
