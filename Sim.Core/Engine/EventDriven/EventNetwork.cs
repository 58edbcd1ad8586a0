namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>The populations and projections an <see cref="EventDrivenEngine"/> runs, with the grid step dt.</summary>
/// <param name="Dt">The grid step (ms): the clock engine's dt; used by <see cref="SpikeTiming.Grid"/>.</param>
/// <param name="Populations">Populations in network-file order.</param>
/// <param name="Projections">Projections in network-file order (which fixes the order of deliveries).</param>
public sealed record EventNetwork(double Dt, IReadOnlyList<EventPopulation> Populations,
    IReadOnlyList<EventProjection> Projections);
