using Dapper;
using SelfEval.Web.Data;

namespace SelfEval.Web.Legal;

/// <summary>The three pages the law asks for, each addressed by the last part of its public address.</summary>
public enum LegalPage
{
    Impressum,
    Datenschutz,
    Barrierefreiheit,
}

/// <summary>A page's Markdown: the office's saved text, or the shipped default until the office saves one.</summary>
public sealed record LegalText(LegalPage Page, string Markdown, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public bool IsDefault => UpdatedAt is null;
}

/// <summary>The legal pages as the office wrote them (table legal_pages); pages without a row read as their default.</summary>
public sealed class LegalPageStore(Database db, TimeProvider clock)
{
    /// <summary>Far more than any of the three pages needs, well below the form limit.</summary>
    public const int MaxLength = 50_000;

    public LegalText Get(LegalPage page)
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<(string Markdown, string UpdatedAt, string UpdatedBy)?>(
            "SELECT markdown, updated_at, updated_by FROM legal_pages WHERE page = @page", new { page = page.Slug() });
        return row is { } r ? new LegalText(page, r.Markdown, Time.Parse(r.UpdatedAt), r.UpdatedBy) : Default(page);
    }

    public void Save(LegalPage page, string markdown, string by)
    {
        using var connection = db.Open();
        connection.Execute(
            """
            INSERT INTO legal_pages (page, markdown, updated_at, updated_by) VALUES (@page, @markdown, @now, @by)
            ON CONFLICT (page) DO UPDATE SET markdown = excluded.markdown, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """,
            new { page = page.Slug(), markdown, now = clock.Stamp(), by });
    }

    /// <summary>The text the project ships (embedded from Legal/Defaults/), shown until the office saves its own.</summary>
    public static LegalText Default(LegalPage page)
    {
        var assembly = typeof(LegalPageStore).Assembly;
        using var stream = assembly.GetManifestResourceStream($"SelfEval.Web.Legal.Defaults.{page.Slug()}.md")
            ?? throw new InvalidOperationException($"The default text of {page} is missing from the build.");
        using var reader = new StreamReader(stream);
        return new LegalText(page, reader.ReadToEnd(), null, null);
    }
}

public static class LegalPages
{
    public static readonly IReadOnlyList<LegalPage> All = [LegalPage.Impressum, LegalPage.Datenschutz, LegalPage.Barrierefreiheit];

    /// <summary>The last part of the page's public address, and its key in the table.</summary>
    public static string Slug(this LegalPage page) => page switch
    {
        LegalPage.Impressum => "impressum",
        LegalPage.Datenschutz => "datenschutz",
        LegalPage.Barrierefreiheit => "barrierefreiheit",
        _ => throw new ArgumentOutOfRangeException(nameof(page)),
    };

    public static LegalPage? FromSlug(string? slug) => All.Cast<LegalPage?>().FirstOrDefault(p => p!.Value.Slug() == slug);

    public static string Title(this LegalPage page) => page switch
    {
        LegalPage.Impressum => "Impressum",
        LegalPage.Datenschutz => "Datenschutzerklärung",
        LegalPage.Barrierefreiheit => "Erklärung zur Barrierefreiheit",
        _ => throw new ArgumentOutOfRangeException(nameof(page)),
    };
}
