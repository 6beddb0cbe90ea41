using System.Diagnostics;
using SelfEval.Scoring.Exchange;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Reports;

namespace SelfEval.Web.Cli;

/// <summary>
/// <c>profile &lt;questionnaire.md&gt; &lt;answers.json&gt; --out &lt;profile.pdf&gt; [--html &lt;profile.html&gt;] [--stats]</c>:
/// the same profile as the web app, from an export, without a server or database.
/// </summary>
public static class ProfileCommand
{
    public const string Usage = "Aufruf: profile <fragebogen.md> <antworten.json> --out <profil.pdf> [--html <profil.html>] [--stats]";

    public static int Run(string[] args, Func<string, string> resolve, Func<string, LoadResult> load, Func<string, string> display, TextWriter stdout, TextWriter stderr)
    {
        string? questionnairePath = null, answersPath = null, outPath = null, htmlPath = null;
        var stats = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length: outPath = args[++i]; break;
                case "--html" when i + 1 < args.Length: htmlPath = args[++i]; break;
                case "--stats": stats = true; break;
                case var a when questionnairePath is null && !a.StartsWith("--", StringComparison.Ordinal): questionnairePath = a; break;
                case var a when answersPath is null && !a.StartsWith("--", StringComparison.Ordinal): answersPath = a; break;
                default:
                    stderr.WriteLine(Usage);
                    return 2;
            }
        }

        if (questionnairePath is null || answersPath is null || outPath is null)
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var questionnaireFile = resolve(questionnairePath);
        var answersFile = resolve(answersPath);
        foreach (var file in new[] { questionnaireFile, answersFile })
        {
            if (!File.Exists(file))
            {
                stderr.WriteLine($"{display(file)}: Datei nicht gefunden.");
                return 1;
            }
        }

        var loaded = load(questionnaireFile);
        foreach (var error in loaded.Errors)
        {
            stderr.WriteLine(error.ToString());
        }

        var questionnaire = loaded.Questionnaires.FirstOrDefault(q => q.Sources[0].Name == display(questionnaireFile));
        if (!loaded.Success || questionnaire is null)
        {
            return 1;
        }

        var (data, problems) = ExchangeReader.Read(File.ReadAllText(answersFile), questionnaire);
        foreach (var problem in problems)
        {
            stderr.WriteLine($"{display(answersFile)}: {problem}");
        }

        if (data is null)
        {
            return 1;
        }

        var card = Scorer.Score(questionnaire, data.Team);
        var scored = clock.Elapsed;
        // The team conversation's agreed answers and actions, where the file has them: the consensus and the action plan.
        var report = ProfileBuilder.Build(card, loaded.Offers, new ProfileSubject(data.InitiativeName, DateOnly.FromDateTime(DateTime.Today), data.RoundNumber), conversation: data.Conversation);
        var pdf = new PdfProfileRenderer().Render(report);
        File.WriteAllBytes(resolve(outPath), pdf);
        if (htmlPath is not null)
        {
            var html = new HtmlProfileRenderer(new MarkdownRenderer()).RenderDocument(report, SiteCss());
            File.WriteAllText(resolve(htmlPath), html);
        }

        if (stats)
        {
            stderr.WriteLine($"scoring+loading {scored.TotalMilliseconds:0} ms, total {clock.Elapsed.TotalMilliseconds:0} ms, pdf {pdf.Length / 1024} KiB, peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MiB");
        }

        stdout.WriteLine($"{display(resolve(outPath))}: {report.Header.InitiativeName}, {(card.Respondents == 1 ? "1 Person" : $"{card.Respondents} Personen")}, Gesamt {ProfileTexts.Value(report.Overall)}");
        return 0;
    }

    public static string SiteCss()
    {
        using var stream = typeof(ProfileCommand).Assembly.GetManifestResourceStream("SelfEval.Web.site.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
