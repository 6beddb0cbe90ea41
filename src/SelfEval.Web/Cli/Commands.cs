using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using SelfEval.Scoring.Codebook;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;
using SelfEval.Web.Data;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Cli;

/// <summary>
/// Subcommands for authors, operators and CI (validate, codebook, profile, add-office-user, office-users, demo-data,
/// backup). They write only their result to standard output, so <c>codebook --format json &gt; file</c> stays clean.
/// </summary>
public static class Commands
{
    private static readonly string[] Names = ["validate", "codebook", "profile", "add-office-user", "office-users", "demo-data", "backup"];

    /// <summary>Whether the arguments name a command (settings may stand before it) rather than start the service.</summary>
    public static bool IsCommand(string[] args) => Split(args).Command is [var name, ..] && Names.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// Separates the service's settings from the command's own arguments, in every spelling the service's command
    /// line takes: <c>--SelfEval:Key=value</c>, <c>--SelfEval:Key value</c>, <c>/SelfEval:Key=value</c>, and the host's
    /// <c>--contentRoot</c> and <c>--environment</c>, which decide where appsettings are read and relative paths start.
    /// </summary>
    public static (string[] Settings, string[] Command) Split(string[] args)
    {
        var settings = new List<string>();
        var command = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var key = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : arg.StartsWith('/') ? arg[1..] : null;
            var name = key?.Split('=', 2)[0];
            if (name is null || !(name.StartsWith(SelfEvalOptions.SectionName + ":", StringComparison.OrdinalIgnoreCase)
                || name.Equals("contentRoot", StringComparison.OrdinalIgnoreCase) || name.Equals("environment", StringComparison.OrdinalIgnoreCase)))
            {
                command.Add(arg);
                continue;
            }

            settings.Add(arg);
            if (!key!.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
            {
                settings.Add(args[++i]); // "--SelfEval:Key value", as the service's command line reads it
            }
        }

        return (settings.ToArray(), command.ToArray());
    }

    /// <summary>
    /// The service's settings read by the service's own host builder: appsettings.json and appsettings.{environment}.json
    /// in the content root, environment variables (<c>SelfEval__DatabasePath</c>, also with the host's
    /// <c>ASPNETCORE_</c>/<c>DOTNET_</c> prefixes) and the setting arguments, so a command works on the same database and
    /// questionnaire folder as the service it belongs to. A second reading of these sources by hand missed some of them.
    /// </summary>
    public static ServiceSettings Settings(string[] args)
    {
        // One look at the files: a command ends before any change to them could matter, and watchers cost inotify handles.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. Split(args).Settings, "--hostBuilder:reloadConfigOnChange=false"] });
        var options = builder.Configuration.GetSection(SelfEvalOptions.SectionName).Get<SelfEvalOptions>() ?? new SelfEvalOptions();
        return new ServiceSettings(options, builder.Environment.ContentRootPath);
    }

    /// <summary>
    /// The database file: <c>--database</c> (from the caller's folder), else the one the service would open with these settings.
    /// </summary>
    public static string DatabasePath(string[] args)
    {
        var i = Array.IndexOf(args, "--database");
        if (i >= 0 && i + 1 < args.Length)
        {
            return Path.GetFullPath(args[i + 1], Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd ? pwd : Directory.GetCurrentDirectory());
        }

        return Settings(args).DatabasePath;
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? callerFolder = null, string? defaultFolder = null, TextReader? stdin = null)
    {
        // `dotnet run --project …` starts us in the project folder; the caller's folder survives in PWD.
        callerFolder ??= Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd) ? pwd : Directory.GetCurrentDirectory();
        var all = args;
        ServiceSettings? settings = null;
        ServiceSettings Configured() => settings ??= Settings(all);
        args = Split(args).Command;
        var context = new CliContext(callerFolder, new Lazy<string>(() => defaultFolder ?? Configured().Options.ResolvedQuestionnaireFolder), stdout, stderr);
        string DatabasePath() => Array.IndexOf(args, "--database") >= 0 ? Commands.DatabasePath(args) : Configured().DatabasePath;
        try
        {
            return args[0] switch
            {
                "validate" => Validate(args[1..], context),
                "profile" => ProfileCommand.Run(args[1..], context.Resolve, f => LoadWithContext(f, context), context.Display, stdout, stderr),
                "add-office-user" => OfficeUserCommand.Run(args[1..], DatabasePath(), stdin ?? Console.In, stdout, stderr),
                "office-users" => OfficeUsersCommand.Run(args[1..], DatabasePath(), stdin ?? Console.In, stdout, stderr),
                "demo-data" => DemoDataCommand.Run(args[1..], DatabasePath(), context.DefaultFolder, stdout, stderr),
                "backup" => BackupCommand.Run(args[1..], DatabasePath(), context.Resolve, stdout, stderr),
                _ => Codebook(args[1..], context),
            };
        }
        catch (DatabaseTooNewException ex)
        {
            stderr.WriteLine(ex.Message);
            return 1;
        }
    }

    /// <summary>Where a command was called from; the service's questionnaire folder is read only by the commands that need it.</summary>
    private sealed record CliContext(string CallerFolder, Lazy<string> ConfiguredFolder, TextWriter Out, TextWriter Err)
    {
        public string DefaultFolder => ConfiguredFolder.Value;

        public string Resolve(string path) => Path.GetFullPath(path, CallerFolder);

        public string Display(string fullPath)
        {
            var relative = Path.GetRelativePath(CallerFolder, fullPath);
            return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
        }
    }

    private static int Validate(string[] paths, CliContext cx)
    {
        if (paths.Length == 0)
        {
            cx.Err.WriteLine("Aufruf: validate <datei-oder-ordner>...");
            return 2;
        }

        var errorCount = 0;
        var fileCount = 0;
        foreach (var path in paths)
        {
            var full = cx.Resolve(path);
            LoadResult result;
            if (Directory.Exists(full))
            {
                var files = QuestionnaireFolder.QuestionnaireFiles(full);
                fileCount += files.Count;
                result = QuestionnaireFolder.LoadFolder(full, cx.Display);
                if (files.Count == 0)
                {
                    cx.Out.WriteLine($"{cx.Display(full)}: Der Ordner enthält keine Fragebogen-Dateien (*.md).");
                    errorCount++;
                }
            }
            else if (File.Exists(full))
            {
                fileCount++;
                result = LoadWithContext(full, cx);
            }
            else
            {
                cx.Out.WriteLine($"{path}: Datei oder Ordner nicht gefunden.");
                errorCount++;
                continue;
            }

            foreach (var error in result.Errors)
            {
                cx.Out.WriteLine(error.ToString());
            }

            errorCount += result.Errors.Count;
        }

        cx.Err.WriteLine(errorCount == 0
            ? $"{fileCount} Datei(en) geprüft: keine Fehler."
            : $"{fileCount} Datei(en) geprüft: {errorCount} Fehler.");
        return errorCount == 0 ? 0 : 1;
    }

    /// <summary>
    /// A single guide is checked together with the profile and offers catalogue beside it, or, when it
    /// stands alone (a copy somewhere else), with those of the service's questionnaire folder.
    /// </summary>
    private static LoadResult LoadWithContext(string file, CliContext cx)
    {
        var own = cx.Display(file);
        var target = QuestionnaireFolder.Read(file, own);
        var ownKind = QuestionnaireLoader.Load(target).Kinds.GetValueOrDefault(own, FileKind.Questionnaire);
        var companions = Companions(Path.GetDirectoryName(file)!, file, cx).Where(c => c.Kind != ownKind).ToList();
        var missing = new[] { FileKind.Profile, FileKind.Offers }.Where(k => k != ownKind && !companions.Any(c => c.Kind == k)).ToList();
        if (missing.Count > 0 && Directory.Exists(cx.DefaultFolder))
        {
            // The service's own folder is read once for whatever the file's folder lacks.
            companions.AddRange(Companions(cx.DefaultFolder, file, cx).Where(c => missing.Contains(c.Kind)));
        }

        return QuestionnaireLoader.Load(companions.Select(c => c.File).Prepend(target), LoadScope.Draft);
    }

    private static List<(SourceFile File, FileKind Kind)> Companions(string folder, string exclude, CliContext cx)
    {
        var files = QuestionnaireFolder.QuestionnaireFiles(folder)
            .Where(f => !string.Equals(Path.GetFullPath(f), exclude, StringComparison.Ordinal))
            .Select(f => QuestionnaireFolder.Read(f, cx.Display(f)))
            .ToList();
        var kinds = QuestionnaireLoader.Load(files).Kinds;
        return files
            .Select(f => (File: f, Kind: kinds.GetValueOrDefault(f.Name, FileKind.Questionnaire)))
            .Where(c => c.Kind is FileKind.Profile or FileKind.Offers)
            .ToList();
    }

    private static int Codebook(string[] args, CliContext cx)
    {
        var format = "json";
        string? file = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--format" && i + 1 < args.Length)
            {
                format = args[++i];
            }
            else if (args[i].StartsWith("--format=", StringComparison.Ordinal))
            {
                format = args[i]["--format=".Length..];
            }
            else if (file is null)
            {
                file = args[i];
            }
            else
            {
                file = null;
                break;
            }
        }

        if (file is null || format is not ("json" or "csv"))
        {
            cx.Err.WriteLine("Aufruf: codebook <datei> [--format json|csv]");
            return 2;
        }

        var full = cx.Resolve(file);
        if (!File.Exists(full))
        {
            cx.Err.WriteLine($"{file}: Datei nicht gefunden.");
            return 1;
        }

        var result = LoadWithContext(full, cx);
        foreach (var error in result.Errors)
        {
            cx.Err.WriteLine(error.ToString());
        }

        var questionnaire = result.Questionnaires.FirstOrDefault(q => q.Sources[0].Name == cx.Display(full));
        if (!result.Success || questionnaire is null)
        {
            if (result.Success)
            {
                cx.Err.WriteLine($"{file}: Die Datei ist kein Fragebogen (kind: questionnaire).");
            }

            return 1;
        }

        var codebook = QuestionnaireCodebook.From(questionnaire);
        if (format == "json")
        {
            cx.Out.WriteLine(ToJson(codebook));
        }
        else
        {
            WriteCsv(codebook, cx.Out);
        }

        return 0;
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Umlauts and quotes stay readable; the output is a file, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(QuestionnaireCodebook codebook) => JsonSerializer.Serialize(codebook, JsonOptions);

    public static void WriteCsv(QuestionnaireCodebook codebook, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, options: null, leaveOpen: true);
        csv.WriteRecord(["questionnaire_id", "version", "section_id", "section_title", "question_id", "text", "type", "required", "scored", "allows_not_relevant", "aspect", "dimension", "weight", "options", "condition",
            "measures", "allows_dont_know", "reverse", "min", "max", "offer_main", "offers_optional", "section_weight"]);
        foreach (var section in codebook.Sections)
        {
            foreach (var q in section.Questions)
            {
                csv.WriteRecord(
                [
                    codebook.Id, codebook.Version, section.Id, section.Title, q.Id, q.Text, q.Type,
                    Bool(q.Required), Bool(q.Scored), Bool(q.AllowsNotRelevant), q.Aspect ?? string.Empty, q.Dimension ?? string.Empty,
                    q.Weight.ToString(CultureInfo.InvariantCulture),
                    string.Join(" | ", q.Options.Select(o => $"{o.Value}={o.Label}")),
                    q.Condition ?? string.Empty,
                    q.Measures ?? string.Empty, Bool(q.AllowsDontKnow), Bool(q.Reverse), Number(q.Min), Number(q.Max),
                    q.Offers.Main ?? string.Empty, string.Join(" | ", q.Offers.Optional),
                    section.Weight.ToString(CultureInfo.InvariantCulture),
                ]);
            }
        }

        csv.Flush();
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>The service's settings as the service reads them, and the content root its relative paths start from.</summary>
public sealed record ServiceSettings(SelfEvalOptions Options, string ContentRoot)
{
    public string DatabasePath => Options.ResolvedDatabasePath(ContentRoot);
}
