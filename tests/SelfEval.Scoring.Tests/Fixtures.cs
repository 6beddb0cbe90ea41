using System.Text;
using SelfEval.Scoring.Loading;

namespace SelfEval.Scoring.Tests;

internal static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Text(string name) => System.IO.File.ReadAllText(PathOf(name), Encoding.UTF8);

    public static SourceFile File(string name) => SourceFile.FromBytes(name, System.IO.File.ReadAllBytes(PathOf(name)));

    /// <summary>A guide fixture together with the small profile and offers catalogue it is answered with.</summary>
    public static LoadResult Load(string name) => QuestionnaireLoader.Load(File("_profile.md"), File("_offers.md"), File(name));

    public static LoadResult LoadText(string name, string text) =>
        QuestionnaireLoader.Load(File("_profile.md"), File("_offers.md"), SourceFile.FromText(name, text));

    public static string[] Errors(LoadResult result) => result.Errors.Select(e => e.ToString()).ToArray();

    /// <summary>The repository's questionnaires/ folder, found from the test's output folder.</summary>
    public static string RepositoryQuestionnaires()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "SelfEval.sln")))
            {
                return Path.Combine(dir.FullName, "questionnaires");
            }
        }

        throw new InvalidOperationException("SelfEval.sln not found above " + AppContext.BaseDirectory);
    }
}
