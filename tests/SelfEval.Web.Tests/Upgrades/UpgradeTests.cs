using System.Net;
using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Assessments;
using SelfEval.Web.Cli;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Tests.Upgrades;

/// <summary>
/// A database from every earlier release opens in this one with every answer, link and account intact,
/// and closed rounds still render on the guide version they were answered with.
/// </summary>
public sealed class UpgradeTests
{
    private sealed class Upgraded : IDisposable
    {
        public Upgraded(string release)
        {
            Fixture = ReleaseFixture.Load(release);
            File.Copy(Fixture.DatabaseFile, Factory.DatabasePath);
            _ = Factory.Services; // starts the service on the copy: migrations run here
        }

        public ReleaseFixture Fixture { get; }

        public SelfEvalFactory Factory { get; } = SelfEvalFactory.WithProductionGuides(); // the release's database answers the real guides

        public T Get<T>()
            where T : notnull => Factory.Services.GetRequiredService<T>();

        public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        public void Dispose() => Factory.Dispose();
    }

    public static IEnumerable<object[]> Releases() => ReleaseFixture.Releases();

    [Theory]
    [MemberData(nameof(Releases))]
    public void Every_answer_of_every_respondent_keeps_its_value(string release)
    {
        using var app = new Upgraded(release);
        var expected = app.Fixture.Answers();
        Assert.Equal(app.Fixture.Manifest.Counts["answers"], expected.Count);

        var responses = app.Get<ResponseStore>();
        foreach (var respondent in expected.GroupBy(a => a.RespondentId))
        {
            var actual = responses.Get(respondent.Key).OrderBy(a => a.QuestionId, StringComparer.Ordinal).ToList();
            Assert.Equal(
                respondent.Select(a => new StoredAnswer(a.QuestionId, a.ValueJson, a.NotRelevant != 0, a.Justification)).OrderBy(a => a.QuestionId, StringComparer.Ordinal).ToList(),
                actual);
        }

        var assessments = app.Get<AssessmentStore>();
        foreach (var round in app.Fixture.ProfileAnswers().GroupBy(p => p.RoundId))
        {
            Assert.Equal(
                round.Select(p => (p.QuestionId, p.ValueJson)).OrderBy(p => p.QuestionId, StringComparer.Ordinal),
                assessments.GetProfile(round.Key).Select(p => (p.QuestionId, p.ValueJson)).OrderBy(p => p.QuestionId, StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// The first edition promised that nobody, not even the coordination, sees who gave which answer. Its
    /// members never chose to share, so after the upgrade their answers count only in the team's figures.
    /// </summary>
    [Theory]
    [MemberData(nameof(Releases))]
    public async Task Members_of_earlier_releases_share_nothing_one_by_one_until_they_choose(string release)
    {
        using var app = new Upgraded(release);
        using (var connection = app.Factory.Database.Open())
        {
            Assert.Equal(0, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM respondents WHERE sharing <> 'none'"));
        }

        var client = app.Client();
        foreach (var initiative in app.Fixture.Manifest.Initiatives.Where(i => !i.Deleted))
        {
            foreach (var round in initiative.Rounds!)
            {
                var json = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"/k/{initiative.CoordinatorLink}/export?runde={round.Number}&format=json"))!;
                var people = json["respondents"]!.AsArray();
                Assert.All(people, p => Assert.Equal("coordinator", (string?)p!["sharing"]));
                Assert.True(people.Count <= 1, $"{initiative.Name}, round {round.Number}: only the coordinator's own answers one by one");
                var team = (int)json["team"]!["respondents"]!;
                Assert.True(round.Closed ? team == round.Respondents : team <= round.Respondents, $"{initiative.Name}, round {round.Number}: everyone who answered counts in the team's figures ({team})");
                foreach (var person in (initiative.PersonalLinks ?? []).Where(p => p.Round == round.Number && p.Label is not null))
                {
                    Assert.DoesNotContain(person.Label!, json.ToJsonString(), StringComparison.Ordinal);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public void The_schema_is_current_the_release_recorded_and_the_file_sound(string release)
    {
        using var app = new Upgraded(release);
        using var connection = app.Factory.Database.Open();

        Assert.Equal("ok", connection.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Equal(Database.Migrations().Select(m => m.Version), connection.Query<int>("SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(Release.Version, app.Factory.Database.LastRelease());
        // At start the running release stores the versions of its own guides: a guide or profile changed since
        // the fixture's release adds its new version beside the kept ones (every old round keeps its own, see above).
        var kept = FixtureVersionHashes(app.Fixture);
        var added = app.Get<QuestionnaireCatalog>().Questionnaires.Count(q => !kept.Contains(q.Hash));
        foreach (var (table, count) in app.Fixture.Manifest.Counts)
        {
            var expected = table == "questionnaire_versions" ? count + added : count;
            Assert.True(connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}") == expected, $"{table}: {expected} rows expected");
        }
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task Every_link_opens_the_same_initiative_and_deleted_ones_stay_gone(string release)
    {
        using var app = new Upgraded(release);
        var client = app.Client();
        foreach (var initiative in app.Fixture.Manifest.Initiatives)
        {
            if (initiative.Deleted)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/k/{initiative.CoordinatorLink}")).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/e/{initiative.InvitationLink}")).StatusCode);
                continue;
            }

            var coordinator = await client.PageAsync($"/k/{initiative.CoordinatorLink}");
            Assert.Contains(initiative.Name, coordinator.Body!.TextContent, StringComparison.Ordinal);
            var invitation = await client.PageAsync($"/e/{initiative.InvitationLink}");
            Assert.Contains(initiative.Name, invitation.Body!.TextContent, StringComparison.Ordinal);
            if (initiative.ReplacedInvitationLink is { } replaced)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/e/{replaced}")).StatusCode);
            }

            foreach (var person in initiative.PersonalLinks ?? [])
            {
                var target = (await client.GetAsync($"/a/{person.Link}")).Location();
                Assert.StartsWith($"/a/{person.Link}/", target, StringComparison.Ordinal);
                var text = (await client.PageAsync(target)).Body!.TextContent;
                Assert.Contains(initiative.Name, text, StringComparison.Ordinal);
                if (person.Label is { } label)
                {
                    Assert.Contains(label, text, StringComparison.Ordinal);
                }
            }
        }

        foreach (var link in app.Fixture.Manifest.DemoCoordinatorLinks)
        {
            Assert.Contains("Demo-Initiative", (await client.PageAsync($"/k/{link}")).Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task Closed_rounds_render_profile_and_pdf_on_the_version_they_were_answered_with(string release)
    {
        using var app = new Upgraded(release);
        var client = app.Client();
        var assessments = app.Get<AssessmentStore>();
        var versions = app.Get<QuestionnaireVersionStore>();
        var fixtureVersions = FixtureRoundVersions(app.Fixture);
        var checkedRounds = 0;
        foreach (var initiative in app.Fixture.Manifest.Initiatives.Where(i => !i.Deleted))
        {
            var assessment = assessments.FindByCoordinatorToken(initiative.CoordinatorLink)!;
            foreach (var round in initiative.Rounds!.Where(r => r.Closed))
            {
                var stored = assessments.GetRounds(assessment.Id).Single(r => r.Number == round.Number);
                var (version, hash) = fixtureVersions[stored.Id];
                var guide = versions.Get(stored.QuestionnaireVersionId);
                Assert.Equal((version, hash), (guide.Version, guide.Hash));

                var page = (await client.PageAsync($"/k/{initiative.CoordinatorLink}/ergebnis?runde={round.Number}")).Body!.TextContent;
                Assert.Contains(initiative.Name, page, StringComparison.Ordinal);
                Assert.Contains($"Leitfaden-Version {version}", page, StringComparison.Ordinal);
                Assert.Contains(round.Respondents == 1 ? "Antworten von 1 Person" : $"Antworten von {round.Respondents} Personen", page, StringComparison.Ordinal);
                foreach (var section in guide.Sections.Where(s => s.Questions.Any(q => q.Scored)))
                {
                    Assert.Contains(section.Title, page, StringComparison.Ordinal);
                }

                var pdf = await client.GetAsync($"/k/{initiative.CoordinatorLink}/ergebnis?runde={round.Number}&handler=Pdf");
                Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
                var text = PdfText.Flat(PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()));
                Assert.Contains(initiative.Name, text, StringComparison.Ordinal);
                Assert.Contains($"Version {version}", text, StringComparison.Ordinal);
                checkedRounds++;
            }
        }

        Assert.True(checkedRounds >= 2, "the fixture has closed rounds of both guides");
    }

    /// <summary>
    /// The first edition counted every closed round of every initiative that agreed. Since 1.1.0 only initiatives
    /// with a comparison code count, once per guide and year: the first edition's demo initiatives got demo codes
    /// in migration 0004, its real ones have none until their coordinators enter one. So the office's counts are
    /// the demo initiatives per guide and year, and the first edition's counts minus the real rounds.
    /// </summary>
    [Theory]
    [MemberData(nameof(Releases))]
    public async Task Office_users_sign_in_and_the_office_counts_what_the_counting_rules_keep(string release)
    {
        using var app = new Upgraded(release);
        var expected = CountedByTheRules(app.Fixture, app.Get<QuestionnaireCatalog>());
        foreach (var user in app.Fixture.Manifest.OfficeUsers)
        {
            var client = app.Client();
            Assert.Equal("/servicestelle", (await client.LoginAsync(user.Name, user.Password)).Location());

            var dashboard = await client.PageAsync("/servicestelle");
            var table = dashboard.QuerySelector("table.counts")!;
            var years = table.QuerySelectorAll("thead th[scope=col]").Skip(1).Select(th => th.TextContent.Trim()).ToList();
            var counts = table.QuerySelectorAll("tbody tr").ToDictionary(
                tr => tr.QuerySelector("th")!.TextContent.Trim(),
                tr => years.Zip(tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim())).ToDictionary(p => p.First, p => p.Second));
            Assert.Equal(app.Fixture.Manifest.OfficeCounts.Keys.Order(), counts.Keys.Order());
            foreach (var (guide, perYear) in app.Fixture.Manifest.OfficeCounts)
            {
                foreach (var (year, before) in perYear)
                {
                    var (demo, real) = expected.GetValueOrDefault((guide, year));
                    Assert.Equal(demo >= 5 ? demo.ToString(System.Globalization.CultureInfo.InvariantCulture) : "weniger als 5", counts[guide][year]);
                    Assert.Equal(int.Parse(before, System.Globalization.CultureInfo.InvariantCulture), demo + real); // nothing else went missing
                }
            }
        }
    }

    /// <summary>Per guide title and year: demo initiatives with a closed round, and the real rounds the first edition also counted.</summary>
    private static Dictionary<(string Guide, string Year), (int Demo, int Real)> CountedByTheRules(ReleaseFixture fixture, QuestionnaireCatalog catalog)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.Query<(string Guide, string Year, int Demo, int Real)>(
                """
                SELECT a.questionnaire_id, substr(r.closed_at, 1, 4),
                       COUNT(DISTINCT CASE WHEN a.is_demo = 1 THEN a.id END), SUM(CASE WHEN a.is_demo = 0 THEN 1 ELSE 0 END)
                FROM rounds r JOIN assessments a ON a.id = r.assessment_id
                WHERE r.closed_at IS NOT NULL AND a.comparison_opt_in = 1
                GROUP BY 1, 2
                """)
            .ToDictionary(r => (catalog.Find(r.Guide)!.Title, r.Year), r => (r.Demo, r.Real));
    }

    [Fact]
    public async Task Two_processes_starting_on_one_database_both_come_up_and_it_is_migrated_once()
    {
        var newest = ReleaseFixture.Load(ReleaseFixture.Releases().Last()[0].ToString()!);
        using var folder = TestPaths.NewTempFolder();
        var database = newest.CopyTo(folder.Path);

        using var first = ServiceProcess.Start(database);
        using var second = ServiceProcess.Start(database);
        using var http = new HttpClient();
        foreach (var service in new[] { first, second })
        {
            var address = await service.Address;
            Assert.Equal("Healthy", await http.GetStringAsync($"{address}/health"));
        }

        Assert.Equal(1, new[] { first, second }.Count(s => s.Output.Contains("schema changes applied", StringComparison.Ordinal)));
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Assert.Equal(Database.Migrations().Select(m => m.Version), connection.Query<int>("SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM releases WHERE version = @v", new { v = Release.Version }));
        Assert.Equal(newest.Manifest.Counts["answers"], connection.ExecuteScalar<int>("SELECT COUNT(*) FROM answers"));
    }

    [Fact]
    public async Task Two_processes_starting_on_a_new_file_both_come_up()
    {
        using var folder = TestPaths.NewTempFolder();
        var database = folder.File("neu.db");

        using var first = ServiceProcess.Start(database);
        using var second = ServiceProcess.Start(database);
        using var http = new HttpClient();
        foreach (var service in new[] { first, second })
        {
            Assert.Equal("Healthy", await http.GetStringAsync($"{await service.Address}/health"));
        }

        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Assert.Equal(Database.Migrations().Select(m => m.Version), connection.Query<int>("SELECT version FROM schema_version ORDER BY version"));
        Assert.Equal(2, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM questionnaire_versions"));
    }

    [Fact]
    public async Task A_database_of_a_newer_release_is_refused_and_left_unchanged()
    {
        using var folder = TestPaths.NewTempFolder();
        var database = ReleaseFixture.Load(ReleaseFixture.Releases().Last()[0].ToString()!).CopyTo(folder.Path);
        new Database(database).Migrate(release: "99.0.0");
        Settle(database);
        var before = SHA256.HashData(File.ReadAllBytes(database));

        using var service = ServiceProcess.Start(database);

        Assert.Equal(1, await service.ExitCodeAsync());
        Assert.Contains(
            $"SelfEval startet nicht: Die Datenbank {database} wurde zuletzt von SelfEval 99.0.0 verwendet, einer neueren Version als dieser ({Release.Version}). Sie wird nicht verändert.",
            service.Errors,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", service.Output, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(database)));
        Assert.False(File.Exists(database + "-wal") && new FileInfo(database + "-wal").Length > 0);
    }

    [Fact]
    public void A_schema_change_this_release_does_not_know_is_refused_by_the_service_and_the_tools()
    {
        using var folder = TestPaths.NewTempFolder();
        var file = folder.File("neuer.db");
        var database = new Database(file);
        database.Migrate();
        using (var connection = database.Open())
        {
            connection.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (9999, '9999_future.sql', '2030-01-01')");
        }

        var ex = Assert.Throws<DatabaseTooNewException>(() => database.Migrate());
        Assert.Equal(
            $"Die Datenbank {file} hat Änderungen am Aufbau (Nr. 9999), die SelfEval {Release.Version} nicht kennt: Sie stammt von einer neueren Version. {DatabaseTooNewException.Advice}",
            ex.Message);

        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(1, Commands.Run(["add-office-user", "carla", "--password-stdin", "--database", file], output, error, stdin: new StringReader("ein-langes-passwort")));
        Assert.Equal(ex.Message, error.ToString().Trim());
        using var check = database.Open();
        Assert.Equal(0, check.ExecuteScalar<int>("SELECT COUNT(*) FROM office_users"));
    }

    [Fact]
    public void The_same_release_starting_again_records_itself_once()
    {
        using var folder = TestPaths.NewTempFolder();
        var database = new Database(folder.File("a.db"));

        Assert.Equal(Database.Migrations().Count(), database.Migrate());
        Assert.Equal(0, database.Migrate());
        Assert.Equal(0, database.Migrate(release: "1.2.0"));

        using var connection = database.Open();
        Assert.Equal([Release.Version, "1.2.0"], connection.Query<string>("SELECT version FROM releases ORDER BY id"));
        Assert.Equal("1.2.0", database.LastRelease());
        Assert.Throws<DatabaseTooNewException>(() => database.Migrate(release: "1.1.9"));
    }

    [Fact]
    public async Task The_version_is_printed_by_the_option_and_shown_in_every_footer()
    {
        using var service = ServiceProcess.Run(TestPaths.NewTempFolder().File("x.db"), "--version");
        Assert.Equal(0, await service.ExitCodeAsync());
        Assert.Equal($"SelfEval {Release.Version}", service.Output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", Release.Version);

        using var factory = new SelfEvalFactory();
        var page = await factory.CreateClient().PageAsync("/");
        Assert.Equal($"Version {Release.Version}", page.QuerySelector("footer .release")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("1.0.0", "1.1.0", -1)]
    [InlineData("1.10.0", "1.9.0", 1)]
    [InlineData("2.0.0", "2.0.0", 0)]
    [InlineData("2.0.0-rc1", "2.0.0", -1)]
    [InlineData("2.0.0-rc2", "2.0.0-rc1", 1)]
    [InlineData("kaputt", "0.0.1", -1)]
    public void Release_numbers_order_by_their_numbers(string left, string right, int expected) =>
        Assert.Equal(expected, Math.Sign(Release.Compare(left, right)));

    /// <summary>The version and hash of each round's guide as the fixture's release stored them.</summary>
    private static Dictionary<long, (string Version, string Hash)> FixtureRoundVersions(ReleaseFixture fixture)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.Query<(long Id, string Version, string Hash)>(
                "SELECT r.id, v.version, v.hash FROM rounds r JOIN questionnaire_versions v ON v.id = r.questionnaire_version_id")
            .ToDictionary(r => r.Id, r => (r.Version, r.Hash));
    }

    private static HashSet<string> FixtureVersionHashes(ReleaseFixture fixture)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.DatabaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.Query<string>("SELECT hash FROM questionnaire_versions").ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Folds the write-ahead log into the file and closes it, as a stopped service leaves it.</summary>
    private static void Settle(string file)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
    }
}
