using System.Diagnostics;
using System.Globalization;
using SelfEval.Scoring.Model;
using SelfEval.Scoring.Profile;
using SelfEval.Scoring.Scoring;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Reports;

// Times the profile pipeline for a full guide answered by 10 people: scoring, HTML, PDF, and the
// peak memory of the offline `profile` command. Medians over repeated runs after a warm-up.

var repository = FindRepository();
if (args.Contains("section-get"))
{
    return await LoadTest.SectionGetAsync(args);
}

if (args.Contains("load"))
{
    return await LoadTest.RunAsync(args);
}

if (args.Contains("profile-web"))
{
    return await ProfileWebBenchmark.RunAsync(repository, args);
}

if (args.Contains("dashboard"))
{
    return await DashboardBenchmark.RunAsync(repository, args);
}

var catalog = QuestionnaireCatalog.Load(Path.Combine(repository, "questionnaires"));
var html = new HtmlProfileRenderer(new MarkdownRenderer());
var pdf = new PdfProfileRenderer();
Console.WriteLine($"SelfEval profile benchmark · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine();
Console.WriteLine("| guide | respondents | scoring (median) | report model | HTML | PDF (median) | PDF size |");
Console.WriteLine("|---|---|---|---|---|---|---|");

foreach (var guide in catalog.Questionnaires)
{
    var (profile, people) = Synthetic(guide, 10, seed: 42);
    var card = Scorer.Score(guide, profile, people);
    var report = ProfileBuilder.Build(card, catalog.Offers, new ProfileSubject("Benchmark-Initiative", new DateOnly(2026, 11, 22), 1));

    var scoring = Median(2000, () => Scorer.Score(guide, profile, people));
    var model = Median(2000, () => ProfileBuilder.Build(card, catalog.Offers, new ProfileSubject("Benchmark-Initiative", new DateOnly(2026, 11, 22), 1)));
    var page = Median(200, () => html.RenderFragment(report));
    var document = Median(40, () => pdf.Render(report));
    var size = pdf.Render(report).Length;
    Console.WriteLine($"| {guide.Id} | {people.Count} | {Ms(scoring)} | {Ms(model)} | {Ms(page)} | {Ms(document)} | {size / 1024} KiB |");
}

Console.WriteLine();
Console.WriteLine("Offline command (separate process, includes start-up and loading the guide):");
Console.WriteLine(ProfileCommandRun(repository));
return 0;

static TimeSpan Median(int runs, Action action)
{
    for (var i = 0; i < Math.Max(3, runs / 10); i++)
    {
        action();
    }

    var times = new List<double>(runs);
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        action();
        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    times.Sort();
    return TimeSpan.FromMilliseconds(times[runs / 2]);
}

static string Ms(TimeSpan t) => t.TotalMilliseconds < 1
    ? $"{t.TotalMicroseconds.ToString("0", CultureInfo.InvariantCulture)} µs"
    : $"{t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms";

static (Dictionary<string, Answer> Profile, List<RespondentAnswers> People) Synthetic(Questionnaire guide, int count, int seed)
{
    var random = new Random(seed);
    var profile = new Dictionary<string, Answer>
    {
        ["name"] = new Answer.Text("Benchmark-Initiative"),
        ["phase"] = new Answer.Choice("aufbau"),
        ["rechtsform"] = new Answer.Choice("ev"),
    };
    var people = Enumerable.Range(1, count).Select(p =>
    {
        var answers = new Dictionary<string, Answer>();
        foreach (var q in guide.ScoredQuestions)
        {
            answers[q.Id] = q.AllowsNotRelevant && random.NextDouble() < 0.05
                ? new Answer.NotRelevant(null)
                : new Answer.Choice(q.Options[random.Next(q.Options.Count)].Value);
        }

        return new RespondentAnswers($"Person {p}", answers);
    }).ToList();
    return (profile, people);
}

static string ProfileCommandRun(string repository)
{
    var web = Path.Combine(AppContext.BaseDirectory, "SelfEval.Web.dll");
    var output = Path.Combine(Path.GetTempPath(), $"selfeval-bench-{Guid.NewGuid():N}.pdf");
    var start = new ProcessStartInfo("dotnet", [web, "profile", "questionnaires/sich-gut-aufstellen.md", "docs/examples/gruendungsteam-uneinig.json", "--out", output, "--stats"])
    {
        WorkingDirectory = repository,
        RedirectStandardError = true,
        RedirectStandardOutput = true,
    };
    start.Environment["PWD"] = repository;
    var wall = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var stderr = process.StandardError.ReadToEnd();
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    File.Delete(output);
    return $"  exit {process.ExitCode}, wall {wall.ElapsedMilliseconds} ms; the command reports: {stderr.Trim()}";
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "SelfEval.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("SelfEval.sln not found");
}
