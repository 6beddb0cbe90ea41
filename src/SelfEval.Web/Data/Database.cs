using System.Data;
using System.Globalization;
using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace SelfEval.Web.Data;

/// <summary>Opens connections to the SQLite file with the settings every statement relies on.</summary>
public sealed class Database
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

    /// <summary>A consistent copy of the whole database, taken while the service keeps running.</summary>
    public void BackupTo(string file)
    {
        using var connection = Open();
        connection.Execute("VACUUM INTO @file", new { file });
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = ReadOnly ? "PRAGMA busy_timeout = 10000;" : "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Creates the file and its folder if needed and applies the numbered migrations that are not yet
    /// recorded. Safe to run at every start and from several processes.
    /// </summary>
    public int Migrate()
    {
        if (ReadOnly)
        {
            return 0; // nothing may be written; the schema must already be current
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var connection = Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        var applied = 0;
        foreach (var (version, name, sql) in Migrations())
        {
            using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
            var done = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_version WHERE version = @version", new { version }, transaction);
            if (done > 0)
            {
                continue;
            }

            connection.Execute(sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
                new { version, name, at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
                transaction);
            transaction.Commit();
            applied++;
        }

        return applied;
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

/// <summary>Timestamps are stored as ISO-8601 text in UTC, which sorts and reads well in SQLite.</summary>
public static class Time
{
    public static string Stamp(this TimeProvider clock) => clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? stamp) =>
        stamp is null ? null : DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
