namespace SelfEval.Scoring.Loading;

/// <summary>Collects every error of one file instead of stopping at the first.</summary>
internal sealed class ErrorSink(string source)
{
    private readonly List<LoadError> _errors = [];

    public string Source { get; } = source;

    public IReadOnlyList<LoadError> Errors => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(int line, string message) => _errors.Add(new LoadError(Source, line, message));
}
