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

    /// <summary>
    /// The SQLite file. Relative paths are taken from the content root (the project folder under
    /// <c>dotnet run</c>, the app folder when published); the folder is created when missing.
    /// </summary>
    [Required]
    public string DatabasePath { get; set; } = Path.Combine("data", "selfeval.db");

    /// <summary>The least number of initiatives any figure for the service office rests on (never below 3).</summary>
    [Range(3, 1000)]
    public int AnonymityK { get; set; } = 5;

    /// <summary>Requests per minute and client address on the link pages (/k, /a, /e): guessing links is throttled.</summary>
    [Range(1, int.MaxValue)]
    public int LinkRequestsPerMinute { get; set; } = 600;

    /// <summary>Login attempts per minute and client address at /servicestelle/anmelden.</summary>
    [Range(1, 10000)]
    public int LoginRequestsPerMinute { get; set; } = 20;

    /// <summary>
    /// Days after which the comparison's published snapshot is replaced by a new one at the next look
    /// (the office can publish earlier). Figures change only from snapshot to snapshot.
    /// </summary>
    [Range(1, 366)]
    public int SnapshotDays { get; set; } = 30;

    /// <summary>Opens the database read-only, e.g. during maintenance: pages show, saving explains itself.</summary>
    public bool DatabaseReadOnly { get; set; }

    /// <summary>Assessments one client address may start per hour.</summary>
    [Range(1, 100000)]
    public int StartsPerHour { get; set; } = 20;

    /// <summary>Actions on the coordinator page (close, new round, reopen, new invitation, comparison) per minute and client address.</summary>
    [Range(1, 100000)]
    public int RoundActionsPerMinute { get; set; } = 10;

    /// <summary>Days from the start of one round to the earliest start of the next (calendar days in Berlin).</summary>
    [Range(0, 3650)]
    public int MinimumDaysBetweenRounds { get; set; } = 30;

    /// <summary>
    /// The address people reach the service at, e.g. <c>https://selfeval.example.de</c>: used for every absolute
    /// link the service shows, added to the allowed host names; https makes cookies Secure and sends HSTS.
    /// Empty: links are built from the request, for local use.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/-Proto headers are trusted. Empty: none are.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The database file, relative paths taken from the content root: one rule for the service and its commands.</summary>
    public string ResolvedDatabasePath(string contentRoot) => Path.GetFullPath(DatabasePath, contentRoot);

    /// <summary>
    /// Months without activity after which an assessment's coordinator page announces its deletion
    /// (the Datenschutzerklärung states this period from here).
    /// </summary>
    [Range(1, 600)]
    public int RetentionMonths { get; set; } = 24;

    /// <summary>Days from that notice to the deletion, if nobody works on the assessment in between.</summary>
    [Range(1, 365)]
    public int RetentionNoticeDays { get; set; } = 30;

    public string ResolvedQuestionnaireFolder =>
        Path.GetFullPath(QuestionnaireFolder, AppContext.BaseDirectory);
}
