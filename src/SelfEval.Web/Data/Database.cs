using System.Data;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace SelfEval.Web.Data;

/// <summary>Opens connections to the SQLite file with the settings every statement relies on.</summary>
public sealed class Database : IDisposable
{
    private readonly string _connectionString;

    public Database(string path, bool readOnly = false)
    {
        Path = path;
        ReadOnly = readOnly;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            Pooling = true,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            // Waits for a writer to finish instead of failing with "database is locked".
            DefaultTimeout = 30,
        }.ToString();
    }

    public bool ReadOnly { get; }

    /// <summary>
    /// Taken around the frequent writes (answers being saved). SQLite lets one writer in at a time and makes the others
    /// poll with growing sleeps (up to 100 ms each), so under many saves at once some waited far longer than others;
    /// queued on this lock, they go in one after another as soon as the writer before them commits. One process
    /// serves a database; another process (a command) still waits through the busy timeout as before.
    /// </summary>
    public Lock WriteGate { get; } = new();

    /// <summary>A consistent copy of the whole database, taken while the service keeps running.</summary>
    public void BackupTo(string file)
    {
        using var connection = Open();
        connection.Execute("VACUUM INTO @file", new { file });
    }

    public string Path { get; }

    /// <summary>
    /// The SQLite handles already set up. The pool hands the same handle out again and again, and its settings stay
    /// with it, so they are set once per handle instead of with two statements on every open (most requests open
    /// one or two connections; the settings were a good part of each).
    /// </summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    /// <summary>
    /// Runs one of the reads every page behind a link makes on a connection kept open with its statements prepared.
    /// SQLite otherwise parses and plans each statement on every run (under 50 clients that was a seventh of a section
    /// page's CPU), and a pooled connection drops its statements whenever it is closed. Each run is a statement of its
    /// own in autocommit mode, so in WAL mode it reads the latest commit, like a fresh connection would.
    /// </summary>
    public T Prepared<T>(Func<PreparedStatements, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var statements = _idle.TryTake(out var idle) ? idle : new PreparedStatements(Open());
        T result;
        try
        {
            result = read(statements);
        }
        catch
        {
            statements.Dispose(); // whatever state the failure left it in is not handed out again
            throw;
        }

        // A few connections are enough for two cores; more would only hold file handles.
        if (Volatile.Read(ref _disposed) || _idle.Count >= 2 * Environment.ProcessorCount)
        {
            statements.Dispose();
        }
        else
        {
            _idle.Add(statements);
        }

        return result;
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<PreparedStatements> _idle = [];

    private bool _disposed;

    /// <summary>
    /// Runs one of the frequent writes (a save) on the one connection kept open for them, its statements prepared once:
    /// compiling the save's statements anew each time was a good part of its CPU. Only inside <see cref="WriteGate"/>,
    /// which already lets one save in at a time, so the connection is never shared. The write opens and ends its own
    /// transaction on it (<see cref="PreparedStatements.InTransaction"/>). Everything else writes on ordinary
    /// connections; between them and this one SQLite's file lock and the busy timeout apply as before.
    /// </summary>
    public T Write<T>(Func<PreparedStatements, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!WriteGate.IsHeldByCurrentThread)
        {
            throw new InvalidOperationException("Database.Write runs only inside WriteGate.");
        }

        var statements = _writer ?? new PreparedStatements(Open());
        _writer = null;
        T result;
        try
        {
            result = write(statements);
        }
        catch
        {
            statements.Dispose(); // a failure may have left it mid-transaction or worse: the next write opens a fresh one
            throw;
        }

        if (Volatile.Read(ref _disposed))
        {
            statements.Dispose();
        }
        else
        {
            _writer = statements;
        }

        return result;
    }

    /// <summary>The connection kept for <see cref="Write"/>; read and set only under <see cref="WriteGate"/>.</summary>
    private PreparedStatements? _writer;

    /// <summary>Closes the connections kept for <see cref="Prepared"/> and <see cref="Write"/>, so the file can be replaced after the service stops.</summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var statements))
        {
            statements.Dispose();
        }

        using (WriteGate.EnterScope()) // waits for a save still running
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = ReadOnly ? "PRAGMA busy_timeout = 10000;" : "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, handle);
        }

        return connection;
    }

    /// <summary>
    /// Creates the file and its folder if needed and applies the numbered migrations that are not yet
    /// recorded, all in one transaction: a database is either wholly on the new schema or untouched.
    /// Safe to run at every start and from several processes at once: the first takes the write lock
    /// and migrates, the others wait for it and then find nothing left to do. A database that a newer
    /// release has migrated is refused before anything is written to it.
    /// </summary>
    /// <returns>The number of migrations applied.</returns>
    /// <exception cref="DatabaseTooNewException">The file belongs to a newer release.</exception>
    public int Migrate(string? release = null)
    {
        release ??= Release.Version;
        if (ReadOnly)
        {
            if (File.Exists(Path))
            {
                using var reader = Open();
                Refuse(State(reader, null), release);
            }

            return 0; // nothing may be written; the schema must already be current
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var connection = Open();
        Refuse(State(connection, null), release);
        connection.Execute("PRAGMA journal_mode = WAL;");

        // BEGIN IMMEDIATE: the write lock is taken before the schema is read, so of two processes
        // starting together exactly one migrates while the other waits (busy_timeout).
        using var transaction = connection.BeginTransaction(deferred: false);
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);", transaction: transaction);
        var state = State(connection, transaction);
        Refuse(state, release);

        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var applied = 0;
        foreach (var (version, name, sql) in Migrations().Where(m => !state.Applied.Contains(m.Version)))
        {
            connection.Execute(sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @now)",
                new { version, name, now },
                transaction);
            applied++;
        }

        if (state.LastRelease != release)
        {
            connection.Execute("INSERT INTO releases (version, migrated_at) VALUES (@release, @now)", new { release, now }, transaction);
        }

        transaction.Commit();
        return applied;
    }

    /// <summary>The release that last migrated the file, or null for a new file; "1.0.0" for the first edition, which kept no record.</summary>
    public string? LastRelease()
    {
        using var connection = Open();
        return State(connection, null).LastRelease;
    }

    private sealed record SchemaState(IReadOnlySet<int> Applied, string? LastRelease);

    private static SchemaState State(SqliteConnection connection, IDbTransaction? transaction)
    {
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'", transaction: transaction).ToHashSet(StringComparer.Ordinal);
        var applied = tables.Contains("schema_version")
            ? connection.Query<int>("SELECT version FROM schema_version", transaction: transaction).ToHashSet()
            : [];
        var last = tables.Contains("releases")
            ? connection.QueryFirstOrDefault<string>("SELECT version FROM releases ORDER BY id DESC LIMIT 1", transaction: transaction)
            : null;

        // The first edition (schema 1 and 2) recorded no release.
        return new SchemaState(applied, last ?? (applied.Count > 0 ? FirstEdition : null));
    }

    private const string FirstEdition = "1.0.0";

    private void Refuse(SchemaState state, string release)
    {
        var known = Migrations().Select(m => m.Version).ToHashSet();
        var unknown = state.Applied.Where(v => !known.Contains(v)).Order().ToList();
        if (state.LastRelease is { } last && Release.Compare(last, release) > 0)
        {
            throw new DatabaseTooNewException(
                $"Die Datenbank {Path} wurde zuletzt von SelfEval {last} verwendet, einer neueren Version als dieser ({release}). " + DatabaseTooNewException.Advice);
        }

        if (unknown.Count > 0)
        {
            throw new DatabaseTooNewException(
                $"Die Datenbank {Path} hat Änderungen am Aufbau (Nr. {string.Join(", ", unknown)}), die SelfEval {release} nicht kennt: Sie stammt von einer neueren Version. " + DatabaseTooNewException.Advice);
        }
    }

    public static IEnumerable<(int Version, string Name, string Sql)> Migrations()
    {
        var assembly = typeof(Database).Assembly;
        const string prefix = "SelfEval.Web.Data.Migrations.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..];
            var version = int.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (version, name, reader.ReadToEnd());
        }
    }
}

/// <summary>The database was migrated by a newer release; this one must not touch it.</summary>
public sealed class DatabaseTooNewException(string message) : Exception(message)
{
    public const string Advice = "Sie wird nicht verändert. Starten Sie die neuere Version wieder, oder spielen Sie die Sicherung von vor dem Update ein.";
}

/// <summary>Timestamps are stored as ISO-8601 text in UTC, which sorts and reads well in SQLite.</summary>
public static class Time
{
    public static string Stamp(this TimeProvider clock) => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? stamp) =>
        stamp is null ? null : DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>
    /// Germany's time zone with its summer time. Users read every date and time in it; a fixed UTC+1 put anything
    /// between 22:00 and 23:00 UTC in summer on the wrong day.
    /// </summary>
    public static readonly TimeZoneInfo Berlin =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Berlin", out var zone) ? zone : CentralEuropeanTime();

    public static DateTimeOffset InBerlin(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Berlin);

    public static DateOnly BerlinDate(DateTimeOffset moment) => DateOnly.FromDateTime(InBerlin(moment).DateTime);

    /// <summary>"1. Juli 2026": the calendar day in Berlin.</summary>
    public static string LongDate(DateTimeOffset moment) => InBerlin(moment).ToString("d. MMMM yyyy", German);

    public static string LongDate(string? stamp) => Parse(stamp) is { } moment ? LongDate(moment) : string.Empty;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The EU rule (since 1996) for a system without time zone data: summer time from the last Sunday of March, 02:00, to the last Sunday of October, 03:00.</summary>
    private static TimeZoneInfo CentralEuropeanTime()
    {
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone("Europe/Berlin", TimeSpan.FromHours(1), "Europe/Berlin", "CET", "CEST", [rule]);
    }
}

/// <summary>An open connection and the statements prepared on it, one per SQL text; used by one request at a time.</summary>
public sealed class PreparedStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The transaction <see cref="InTransaction"/> runs, which every statement on the connection must name meanwhile.</summary>
    private SqliteTransaction? _transaction;

    /// <summary>Runs the statement with these parameter values (always the same names for the same text).</summary>
    public SqliteDataReader Read(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Command(sql, parameters).ExecuteReader();

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Command(sql, parameters).ExecuteNonQuery();

    /// <summary>Runs the statement; the first column of its first row, or null.</summary>
    public object? Scalar(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Command(sql, parameters).ExecuteScalar() is var value and not DBNull ? value : null;

    /// <summary>Runs <paramref name="body"/> in one transaction: committed when it returns true, rolled back when it returns false or throws.</summary>
    public bool InTransaction(Func<bool> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var transaction = connection.BeginTransaction();
        _transaction = transaction;
        try
        {
            if (!body())
            {
                return false;
            }

            transaction.Commit();
            return true;
        }
        finally
        {
            _transaction = null;
        }
    }

    private SqliteCommand Command(string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = _transaction;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            command.Prepare();
            _commands.Add(sql, command);
        }
        else
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
            }
        }

        command.Transaction = _transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        connection.Dispose();
    }
}
