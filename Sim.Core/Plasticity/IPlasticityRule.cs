namespace NeuroSim.Core.Plasticity;

/// <summary>
/// A local learning rule that runs inside a simulation, on one projection (docs/plasticity.md).
/// <para>
/// What a rule sees: the projection's connectivity and weights (<see cref="PlasticProjection"/>), the time of
/// every presynaptic spike as it reaches the synapses (emission time + the projection's delay), the time of
/// every postsynaptic spike, and, if <see cref="StepInterval"/> is finite, a call every StepInterval ms.
/// What it may change: the weights of its own projection (<see cref="PlasticProjection.Weights"/>, the
/// synapse store's own array, so every engine and the saved file see the change at once) and its own state
/// (traces, eligibilities). It may not change connectivity, delays or neuron state.
/// </para>
/// <para>
/// Call order, the same in both engines in grid timing: at one grid time t, <see cref="OnStep"/> for t comes
/// first (it closes the step that ended at t), then every <see cref="OnPreSpike"/> for spikes arriving at t,
/// then every <see cref="OnPostSpike"/> for spikes stamped t; a pre/post pair at Δt = 0 therefore counts as "pre
/// before post", and a spike arriving at t is transmitted with the weight as it is after the step call for t,
/// just before its own pre-spike call (in both engines, whatever the delay).
/// In exact timing (event engine) the post-spike calls of crossings at t come before the step call for t, which
/// comes before the pre-spike calls at t. Times are in ms,
/// non-decreasing from call to call; the clock engine passes grid times, the event engine exact times.
/// Implementations keep traces lazily (value + time of last update) so they do not depend on a grid.
/// </para>
/// </summary>
public interface IPlasticityRule
{
    /// <summary>Binds the rule to its projection and allocates its state; called once before the run.</summary>
    void Bind(PlasticProjection projection);

    /// <summary>
    /// A spike of presynaptic neuron <paramref name="pre"/> reaches its synapses at <paramref name="t"/> ms.
    /// </summary>
    void OnPreSpike(int pre, double t);

    /// <summary>Postsynaptic neuron <paramref name="post"/> fires at <paramref name="t"/> ms.</summary>
    void OnPostSpike(int post, double t);

    /// <summary>Interval (ms) between <see cref="OnStep"/> calls, or +∞ when the rule needs none.</summary>
    double StepInterval { get; }

    /// <summary>
    /// Called at t = k·StepInterval (k ≥ 1), after that instant's spikes; <paramref name="dt"/> = StepInterval.
    /// </summary>
    void OnStep(double t, double dt);
}
