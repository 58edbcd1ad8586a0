namespace NeuroSim.Core.Network;

/// <summary>
/// Thrown once by <see cref="NetworkLoader"/> when a network file has problems; carries every problem found
/// (never only the first). The message lists them one per line in the form
/// "file:line: $.path: rule (got value)".
/// </summary>
public sealed class NetworkValidationException : Exception
{
    /// <summary>Creates the exception from a non-empty list of errors.</summary>
    public NetworkValidationException(IReadOnlyList<SpecError> errors)
        : base(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in file order where possible.</summary>
    public IReadOnlyList<SpecError> Errors { get; }
}
