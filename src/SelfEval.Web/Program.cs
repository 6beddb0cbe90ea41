using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using SelfEval.Web.Infrastructure;
using System.Text.Unicode;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using SelfEval.Web.Assessments;
using SelfEval.Web.Cli;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Reports;
using SelfEval.Web.Workbench;

if (args is ["--version"])
{
    Console.Out.WriteLine($"SelfEval {Release.Version}");
    return 0;
}

if (Commands.IsCommand(args))
{
    return Commands.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<SelfEvalOptions>()
    .Bind(builder.Configuration.GetSection(SelfEvalOptions.SectionName))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton(sp =>
    QuestionnaireCatalog.Load(sp.GetRequiredService<IOptions<SelfEvalOptions>>().Value.ResolvedQuestionnaireFolder));
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp =>
{
    var options = sp.GetRequiredService<IOptions<SelfEvalOptions>>().Value;
    return new Database(options.ResolvedDatabasePath(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath), options.DatabaseReadOnly);
});
builder.Services.AddSingleton<QuestionnaireVersionStore>();
builder.Services.AddSingleton<AssessmentStore>();
builder.Services.AddSingleton<PeopleStore>();
builder.Services.AddSingleton<ResponseStore>();
builder.Services.AddSingleton<ConversationStore>();
builder.Services.AddSingleton<AssessmentAccess>();
builder.Services.AddSingleton<Initiatives>();
builder.Services.AddSingleton<SelfEval.Web.Pages.Join.JoinMemory>();
builder.Services.AddSingleton<RoundReader>();
builder.Services.AddSingleton<OneTimeForms>();
builder.Services.AddSingleton<RoundExport>();
builder.Services.AddSingleton<ProfileCache>();
builder.Services.AddSingleton<SelfEval.Web.Answering.QuestionFragments>();
builder.Services.AddSingleton<ProfileService>();
builder.Services.AddSingleton<SelfEval.Web.Pages.Conversation.AgendaReader>();
builder.Services.AddSingleton<SelfEval.Web.Pages.Conversation.LastRoundReader>();
builder.Services.AddSingleton<IProfileRenderer, PdfProfileRenderer>();
builder.Services.AddSingleton<SelfEval.Web.Office.OfficeUserStore>();
builder.Services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<SelfEval.Web.Office.OfficeUser>, Microsoft.AspNetCore.Identity.PasswordHasher<SelfEval.Web.Office.OfficeUser>>();
builder.Services.AddSingleton<SelfEval.Web.Office.LoginThrottle>();
builder.Services.AddSingleton<SelfEval.Web.Office.RoundResultStore>();
builder.Services.AddSingleton<SelfEval.Web.Office.ComparisonCodeStore>();
builder.Services.AddSingleton<SelfEval.Web.Office.SnapshotStore>();
builder.Services.AddSingleton<SelfEval.Web.Office.ReleaseControl>();
builder.Services.AddSingleton<SelfEval.Web.Office.DashboardBuilder>();
builder.Services.AddSingleton<SelfEval.Web.Office.ComparisonService>();
builder.Services.AddSingleton<SelfEval.Web.Legal.LegalPageStore>();
builder.Services.AddSingleton<RetentionStore>();
builder.Services.AddSingleton<RetentionService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
builder.Services.AddSingleton<SelfEval.Web.Workbench.DraftStore>();
builder.Services.AddSingleton<SelfEval.Web.Workbench.IDraftLoader>(sp => sp.GetRequiredService<SelfEval.Web.Workbench.DraftStore>());
builder.Services.AddSingleton<SelfEval.Web.Workbench.PublicationStore>();

// The service office signs in; initiatives never do (their links are their access). So no scheme authenticates by
// default (the switch is the one documented with ASP.NET Core 7's breaking change "Default authentication scheme";
// without it the one registered scheme would authenticate every request): a respondent's page never looks for the
// sign-in cookie (2.5 % of a section page's CPU). The office's policy names the scheme, so its pages, and only they,
// read the cookie; everything else about the cookie is as before.
AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
builder.Services.AddAuthentication(o =>
    {
        o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.DefaultForbidScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.DefaultSignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.DefaultSignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    })
    .AddCookie(o =>
    {
        o.LoginPath = "/servicestelle/anmelden";
        o.LogoutPath = "/servicestelle/abmelden";
        o.AccessDeniedPath = "/servicestelle/anmelden";
        o.Cookie.Name = "SelfEval.Servicestelle";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever served over HTTPS
        o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
        o.SlidingExpiration = true;
        o.Events.OnValidatePrincipal = SelfEval.Web.Office.OfficeSessions.ValidateAsync; // disabled accounts and reset passwords end sessions
    });
builder.Services.AddKeyRingInDataFolder(); // keys/ next to the database: forms and sign-ins survive restarts
builder.Services.AddPublicAddress(); // links, host names, Secure cookies and forwarded headers behind a TLS proxy
builder.Services.AddAuthorization(o => o.AddPolicy("Office", p => p
    .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireAuthenticatedUser().RequireClaim("role", "servicestelle")));
builder.Services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeFolder("/Office", "Office");
    o.Conventions.AllowAnonymousToPage("/Office/Login");
});
// In place of the framework's writer (registered by AddRazorPages), not beside it.
builder.Services.Replace(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.Infrastructure.IHttpResponseStreamWriterFactory, PageWriter>());

// Guessing links and passwords at speed is throttled per client address.
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy("links", context => RateLimitPartition.GetSlidingWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "local",
        _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = context.RequestServices.GetRequiredService<IOptions<SelfEvalOptions>>().Value.LinkRequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
        }));
    o.AddPolicy("login", context => RateLimitPartition.GetFixedWindowLimiter(
        context.Connection.RemoteIpAddress?.ToString() ?? "local",
        _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = context.RequestServices.GetRequiredService<IOptions<SelfEvalOptions>>().Value.LoginRequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
        }));
    o.GlobalLimiter = PostLimits.Limiter(); // starting assessments and round actions, on top of the page policies
    o.OnRejected = async (context, token) =>
    {
        context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await context.HttpContext.Response.WriteAsync(
            PostLimits.Rejection(context.HttpContext) ?? "Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.", token);
    };
});

// Small forms only: a long text is 4,000 characters; anything much larger is refused before a page runs.
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
{
    o.ValueLengthLimit = 64 * 1024;
    o.ValueCountLimit = 1024;
    o.MultipartBodyLengthLimit = 1024 * 1024;
});
builder.Services.AddHealthChecks().AddCheck<SelfEval.Web.Infrastructure.DatabaseHealthCheck>("database");

// German text stays readable in the HTML instead of becoming &#xFC; entities.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

try
{
    // Load the guides now, not on the first request: a broken file must stop the start, listing every error.
    app.Services.GetRequiredService<QuestionnaireCatalog>();
}
catch (QuestionnaireLoadException ex)
{
    Console.Error.WriteLine("SelfEval startet nicht, weil die Fragebögen Fehler enthalten:");
    foreach (var error in ex.Errors)
    {
        Console.Error.WriteLine(error.ToString());
    }

    return 1;
}

// The schema is brought up to date before the first request, and every guide the service offers is
// stored as the version new assessments will be answered with.
var database = app.Services.GetRequiredService<Database>();
try
{
    var applied = database.Migrate();
    if (applied > 0)
    {
        app.Logger.LogInformation("Database {Path} migrated: {Count} schema changes applied for SelfEval {Release}.", database.Path, applied, Release.Version);
    }
}
catch (DatabaseTooNewException ex)
{
    Console.Error.WriteLine("SelfEval startet nicht: " + ex.Message);
    return 1;
}
// The office's published guides come back in place of the folder's files they were published over (see FORMAT.md).
if (!database.ReadOnly || File.Exists(database.Path))
{
    foreach (var (publication, decision) in app.Services.GetRequiredService<SelfEval.Web.Workbench.PublicationStore>().ApplyAtStartup())
    {
        app.Logger.LogInformation("Guide {Guide}: the office's publication of {At} (version {Version}) {Decision}.", publication.QuestionnaireId, publication.PublishedAt, publication.Version,
            decision switch
            {
                SelfEval.Web.Workbench.StartupDecision.OfficeVersion => "is in force",
                SelfEval.Web.Workbench.StartupDecision.FolderChanged => "is replaced by the changed file in the folder",
                SelfEval.Web.Workbench.StartupDecision.NoLongerLoads => "no longer loads with the folder's files; the folder's version is in force",
                _ => decision.ToString(),
            });
    }
}

if (!database.ReadOnly)
{
    foreach (var guide in app.Services.GetRequiredService<QuestionnaireCatalog>().Questionnaires)
    {
        app.Services.GetRequiredService<QuestionnaireVersionStore>().Ensure(guide);
    }
}
else
{
    app.Logger.LogWarning("The database {Path} is opened read-only: answers cannot be saved until the setting is lifted.", database.Path);
}

app.UseForwardedHeadersOfKnownProxies();
app.UsePublicScheme();
app.UseRedactedRequestLog();
app.UseSecurityHeaders();
app.UseNoStoreBehindSecretLinks();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts(); // only ever sent over HTTPS
}

app.UseDraftForms(); // before the guards read the form: the workbench's text areas hold a whole guide
app.UseRequestGuards();

app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealthChecks("/health", SelfEval.Web.Infrastructure.DatabaseHealthCheck.Options);
app.MapRazorPages();
app.Run();
return 0;
