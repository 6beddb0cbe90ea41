using System.Globalization;
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

    /// <summary>
    /// For a spreadsheet set to German (Excel, LibreOffice): it splits on ';' and reads ',' as the decimal mark. The
    /// same injection protection; numbers written as numbers get the decimal comma and no thousands separator.
    /// </summary>
    public static readonly CsvWriterOptions GermanOptions = Options with
    {
        Separator = ';',
        FormatProvider = new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "", NegativeSign = "-" },
    };

    /// <summary>A writer for German spreadsheets on <paramref name="text"/>; the caller adds the byte order mark to the bytes.</summary>
    public static CsvWriter GermanWriter(TextWriter text) => CsvWriter.Create(text, GermanOptions, leaveOpen: true);
}
