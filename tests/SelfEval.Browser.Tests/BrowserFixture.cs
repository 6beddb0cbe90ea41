using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SelfEval.Web.Cli;

namespace SelfEval.Browser.Tests;

/// <summary>
/// The real service on a loopback port with its own SQLite file (a demo network and an office account
/// loaded), and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string OfficePassword = "browser-test-passwort";
    private readonly string _folder = Directory.CreateTempSubdirectory("selfeval-browser-").FullName;
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public string Database => Path.Combine(_folder, "browser.db");

    public static string Repository { get; } = FindRepository();

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        // Deliberately the production guides (the service's default folder, questionnaires/), not the fixture guides the web
        // tests answer: the journeys walk the real product as a team and the office would, the demo data answers these
        // guides, and axe checks the pages people will see. Their ids and texts change with the guides' content.
        var output = new StringWriter();
        DemoDataCommand.Run(["--initiatives", "40", "--seed", "11"], Database, Path.Combine(Repository, "questionnaires"), output, output);
        Commands.Run(["add-office-user", "berta", "--password-stdin", "--database", Database], output, output, stdin: new StringReader(OfficePassword));

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("SelfEval:DatabasePath", Database)
            .UseSetting("SelfEval:LinkRequestsPerMinute", "100000")
            .UseEnvironment("Production"));
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        _factory?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true, bool mobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            IsMobile = mobile,
            HasTouch = mobile,
            AcceptDownloads = true,
            Locale = "de-DE",
        });
        // A step that cannot happen fails within seconds instead of waiting out the default half minute.
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static string FindRepository()
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
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
