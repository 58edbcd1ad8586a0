namespace NeuroSim.Core.Engine;

/// <summary>A population that accepts a constant injected current (the network file's <c>inputs</c> of kind
/// <c>current</c>).</summary>
public interface ICurrentTarget
{
    /// <summary>Adds <paramref name="amplitudePa"/> pA (negative to remove it) to the injected current of the
    /// listed neurons (all when <paramref name="neurons"/> is null); takes effect from the next step.</summary>
    void AddCurrent(double amplitudePa, IReadOnlyList<int>? neurons);
}
