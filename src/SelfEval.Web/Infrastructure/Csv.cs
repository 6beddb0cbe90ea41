using CsvHelper;

namespace SelfEval.Web.Infrastructure;

/// <summary>
/// The one way the service writes CSV: a name, label or free text that starts like a formula (=, +, -, @, tab,
/// CR) is escaped with a leading apostrophe, so a spreadsheet shows it as text instead of running it
/// (CsvHelper's own injection protection). Numbers written as numbers (<c>WriteField&lt;T&gt;</c>) stay numbers, -5 too;
/// write every text with <c>WriteField(string)</c> or <c>WriteRecord(string[])</c>.
/// </summary>
public static class Csv
{
    public static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    /// <summary>A writer on <paramref name="text"/>, which stays open when the writer is disposed.</summary>
    public static CsvWriter Writer(TextWriter text) => CsvWriter.Create(text, Options, leaveOpen: true);
}
