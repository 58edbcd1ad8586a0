namespace NeuroSim.Tests;

/// <summary>
/// Test classes that touch process-wide state run in this collection, one class at a time: the console (CLI tests
/// call the commands, which write to <see cref="Console"/>, and some redirect it to read what was printed) and
/// <c>Gemm.SetThreads</c> (train commands set it from --threads; allocation and determinism tests depend on it).
/// Run in parallel, one class's output lands in another's captured text, and one class's thread setting leaks into
/// another's allocation check. (GemmTests' <c>Gemm.ForceManaged</c> acts on the calling thread only.)
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessStateCollection
{
    public const string Name = "Process-wide state (console, BLAS threads)";
}
