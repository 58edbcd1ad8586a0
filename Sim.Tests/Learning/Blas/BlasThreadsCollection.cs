namespace NeuroSim.Tests.Learning.Blas;

/// <summary>
/// Test classes that change <c>Gemm.SetThreads</c> (process-wide) run in this collection, one at a time, so that
/// one test's thread setting cannot leak into another's allocation or determinism check.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BlasThreadsCollection
{
    public const string Name = "BLAS threads";
}
