namespace SelfEval.Web.Tests;

internal static class TestPaths
{
    public static string Repository { get; } = FindRepository();

    public static string Questionnaires => Path.Combine(Repository, "questionnaires");

    /// <summary>The small guides of the infrastructure tests (<see cref="TestGuides"/>), which change only with the tests.</summary>
    public static string TestQuestionnaires => Path.Combine(Repository, "tests", "fixtures", "questionnaires");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SelfEval.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SelfEval.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A fresh folder under the system temp folder, deleted with the returned handle.</summary>
    public static TempFolder NewTempFolder() => new(Directory.CreateTempSubdirectory("selfeval-test-").FullName);
}

internal sealed class TempFolder(string path) : IDisposable
{
    public string Path { get; } = path;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold a file; the system cleans its temp folder.
        }
    }
}
