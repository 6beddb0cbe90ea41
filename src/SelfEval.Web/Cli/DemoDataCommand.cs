using Dapper;
using SelfEval.Scoring.Model;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;
using SelfEval.Web.Office;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Cli;

/// <summary>
/// <c>demo-data [--initiatives 90] [--seed 1] [--database file] [--mix]</c>: a pseudonymous demo network whose
/// profiles follow the network's published distributions (final report, shared/reference/network_stats.md),
/// with teams, earlier rounds and synthetic answers. Marked as demo; refuses a database with real data
/// unless <c>--mix</c> is given.
/// </summary>
public static class DemoDataCommand
{
    public static int Run(string[] args, string databasePath, string questionnaireFolder, TextWriter stdout, TextWriter stderr)
    {
        int Option(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
        var count = Option("--initiatives", 90);
        var random = new Random(Option("--seed", 1));
        var db = new Database(databasePath);
        db.Migrate();
        using (var connection = db.Open())
        {
            var real = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM assessments WHERE is_demo = 0");
            if (real > 0 && !args.Contains("--mix"))
            {
                stderr.WriteLine($"{databasePath} enthält {real} echte Selbstevaluationen. Demo-Daten werden nur mit --mix hinzugefügt – besser: eine eigene Datei mit --database wählen.");
                return 1;
            }
        }

        var catalog = QuestionnaireCatalog.Load(questionnaireFolder);
        var clock = new DemoClock();
        var versions = new QuestionnaireVersionStore(db, catalog, clock);
        var assessments = new AssessmentStore(db, clock);
        var responses = new ResponseStore(db, clock);
        var results = new RoundResultStore(db, assessments, new RoundReader(db, versions), catalog, clock);
        var codes = new ComparisonCodeStore(db, clock);
        var links = new List<(string Name, string Token)>();
        var rounds = 0;

        for (var n = 1; n <= count; n++)
        {
            var profile = Profile(random, n);
            var phase = ((Answer.Choice)profile["phase"]).Value;
            var guideId = phase is "gruendung" or "aufbau" || (phase == "neuausrichtung" && random.NextDouble() < 0.5) ? "sich-gut-aufstellen" : "wirkung-entfalten";
            var guide = catalog.Find(guideId)!;
            var strength = Gaussian(random) * 0.9 + (phase == "etabliert" ? 0.4 : -0.2);
            var sectionEffect = guide.Sections.ToDictionary(s => s.Id, _ => Gaussian(random) * 0.5);
            var roundCount = random.NextDouble() < 0.35 ? 3 : random.NextDouble() < 0.5 ? 2 : 1;
            var teamSize = random.NextDouble() < 0.6 ? 1 : random.Next(2, 5);
            var token = Tokens.New();
            var firstYear = 2027 - roundCount;
            clock.Now = new DateTimeOffset(firstYear, random.Next(1, 12), random.Next(1, 28), 9, 0, 0, TimeSpan.Zero);
            var id = assessments.Create(new AssessmentStore.NewAssessment(
                guide.Id, versions.Ensure(guide), Tokens.Hash(token), Tokens.Hash(Tokens.Invite(token, 1)), random.NextDouble() < 0.85,
                null, profile.Select(p => StoredAnswer.From(p.Key, p.Value)).ToList(), IsDemo: true));
            links.Add(($"Demo-Initiative {n:00}", token));

            // Demo initiatives stand for the network's members: each joins the comparison with a demo code.
            codes.Redeem(id, codes.Issue(1, demo: true)[0]);

            for (var r = 0; r < roundCount; r++)
            {
                var round = assessments.CurrentRound(id);
                var people = new List<long> { assessments.Coordinator(round.Id).Id };
                for (var t = 1; t < teamSize; t++)
                {
                    people.Add(assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), null));
                }

                foreach (var person in people)
                {
                    var personal = Gaussian(random) * 0.6;
                    var answers = new List<StoredAnswer>();
                    foreach (var q in guide.ScoredQuestions)
                    {
                        if (random.NextDouble() < 0.02)
                        {
                            continue; // left open
                        }

                        if (q.AllowsNotRelevant && random.NextDouble() < 0.06)
                        {
                            answers.Add(StoredAnswer.From(q.Id, new Answer.NotRelevant(null)));
                            continue;
                        }

                        var section = guide.SectionOf(q);
                        var level = 2 + strength + 0.35 * r + sectionEffect[section.Id] + personal + Gaussian(random) * 0.6;
                        answers.Add(StoredAnswer.From(q.Id, new Answer.Choice(Level(q, level))));
                    }

                    responses.Save(person, answers, [], null);
                    assessments.SetFinished(person, true);
                }

                clock.Now = clock.Now.AddDays(random.Next(20, 60));
                var last = r == roundCount - 1;
                if (!last || random.NextDouble() < 0.9)
                {
                    assessments.CloseRound(round.Id);
                    results.Compute(round.Id);
                    rounds++;
                    if (!last)
                    {
                        clock.Now = new DateTimeOffset(firstYear + r + 1, random.Next(1, 10), random.Next(1, 28), 9, 0, 0, TimeSpan.Zero);
                        assessments.StartNextRound(id, round.QuestionnaireVersionId, guide);
                    }
                }
            }
        }

        stdout.WriteLine($"{count} Demo-Initiativen mit {rounds} abgeschlossenen Durchgängen in {databasePath} angelegt (als Demo markiert).");
        stdout.WriteLine("Drei Koordinationslinks zum Ansehen (Pfad an die Adresse des Dienstes anhängen):");
        foreach (var (name, token) in links.Take(3))
        {
            stdout.WriteLine($"  {name}: /k/{token}");
        }

        return 0;
    }

    private static string Level(Question q, double level)
    {
        var steps = q.Options.Count - 1;
        var scaled = q.Type == QuestionType.YesNo ? level / 4 * 2 : level / 4 * steps;
        var index = (int)Math.Clamp(Math.Round(scaled), 0, steps);
        return q.Options.OrderBy(o => o.Points).ElementAt(index).Value;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static T Pick<T>(Random random, params (T Value, double Weight)[] options)
    {
        var roll = random.NextDouble() * options.Sum(o => o.Weight);
        foreach (var (value, weight) in options)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }

    /// <summary>Profiles after the network's figures: Länder, radius, orientation, legal form, founding years.</summary>
    private static Dictionary<string, Answer> Profile(Random random, int n)
    {
        var land = Pick(random, ("nw", 22.0), ("bw", 14), ("be", 9), ("by", 8), ("he", 8), ("ni", 7), ("th", 6), ("mv", 3), ("rp", 3), ("sl", 3), ("sn", 3), ("bb", 2), ("st", 2), ("hb", 1), ("hh", 1), ("sh", 1));
        var founded = Pick(random, ((1975, 1999), 3.0), ((2000, 2009), 17), ((2010, 2017), 28), ((2018, 2023), 38), ((2024, 2026), 7));
        var year = random.Next(founded.Item1, founded.Item2 + 1);
        var phase = year >= 2025 ? "gruendung" : year >= 2021 ? "aufbau" : random.NextDouble() < 0.12 ? "neuausrichtung" : "etabliert";
        return new Dictionary<string, Answer>
        {
            ["name"] = new Answer.Text($"Demo-Initiative {n:00}"),
            ["phase"] = new Answer.Choice(phase),
            ["ausrichtung"] = new Answer.Choice(Pick(random, ("praktisch-projektorientiert", 73.0), ("politisch-strategisch", 20), ("mischform", 7))),
            ["rechtsform"] = new Answer.Choice(Pick(random, ("ohne", 25.0), ("dach", 25), ("projekt", 15), ("ev", 32), ("gmbh", 3))),
            ["land"] = new Answer.Choice(land),
            ["radius"] = new Answer.Choice(Pick(random, ("regional", 52.0), ("landesweit", 24), ("lokal", 17), ("laenderuebergreifend", 4))),
            ["gruendungsjahr"] = new Answer.Number(year),
            ["mitglieder"] = new Answer.Number(random.Next(6, 220)),
            ["personal"] = new Answer.Choice(Pick(random, ("hauptamtlich", 35.0), ("nebenamtlich", 35), ("ehrenamtlich", 15), ("gemischt", 15))),
        };
    }

    /// <summary>Dates of the demo network's rounds, spread over the past years.</summary>
    private sealed class DemoClock : TimeProvider
    {
        private readonly DateTimeOffset _latest = DateTimeOffset.UtcNow.AddDays(-1);
        private DateTimeOffset _now = DateTimeOffset.UtcNow.AddDays(-1);

        /// <summary>Never in the future: a round of the demo network cannot close after today.</summary>
        public DateTimeOffset Now
        {
            get => _now;
            set => _now = value > _latest ? _latest : value;
        }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
