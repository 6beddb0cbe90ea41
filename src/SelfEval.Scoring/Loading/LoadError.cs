namespace SelfEval.Scoring.Loading;

/// <summary>An author's mistake, located by file and 1-based line, worded for the service office's staff.</summary>
public sealed record LoadError(string Source, int Line, string Message)
{
    public override string ToString() => $"{Source}:{Line}: {Message}";
}

/// <summary>A questionnaire file as text or as the bytes read from disk (to tell a non-UTF-8 file).</summary>
public sealed record SourceFile(string Name, string? Text, byte[]? Bytes = null)
{
    public static SourceFile FromText(string name, string text) => new(name, text);

    public static SourceFile FromBytes(string name, byte[] bytes) => new(name, null, bytes);
}
