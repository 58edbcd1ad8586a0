using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Neurons.Lif;

/// <summary>
/// A population of current-based LIF neurons (<see cref="LifParameters"/>), state held as struct-of-arrays
/// (float32, as the synapse store's weights are) and advanced with the exact propagator (<see cref="LifPropagator"/>).
/// </summary>
/// <remarks>
/// One step n, [t_n, t_n + dt), in order:
/// <list type="number">
/// <item>(the engine has added the jumps due at t_n to g_e and g_i;)</item>
/// <item>propagate V, g_e, g_i exactly to t_n + dt; a refractory neuron keeps V = V_r while g_e, g_i decay;</item>
/// <item>threshold: V &gt;= V_t is a spike stamped t_n;</item>
/// <item>reset: V ← V_r and the refractory countdown starts.</item>
/// </list>
/// Refractory semantics (Brian2's): a spike at t_n makes the neuron refractory on [t_n, t_n + t_ref); the
/// membrane is held at V_r during the k − 1 steps after the spike step (k = t_ref / dt, an integer counter,
/// never a floating-point time compare) and integrates again from step n + k. A neuron driven hard enough to
/// fire at its first chance therefore fires every k steps exactly.
/// </remarks>
public sealed class LifPopulation : ISpikingPopulation, ICurrentTarget
{
    private static readonly string[] VariableNames = ["v", "g_e", "g_i"];

    private readonly float[] _v;
    private readonly float[] _ge;
    private readonly float[] _gi;
    private readonly float[] _vInf;
    private readonly double[] _currentPa;
    private readonly int[] _integratesFrom;
    private LifPropagator _propagator;
    private LifKernel<float>.Factors _factors;
    private bool _prepared;
    private bool _perNeuronDrive;

    /// <summary>Creates <paramref name="size"/> neurons at rest (V = E_l, g = 0, not refractory).</summary>
    public LifPopulation(string name, int size, LifParameters parameters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var violations = parameters.Violations();
        if (violations.Count > 0)
        {
            var (param, rule, value) = violations[0];
            throw new ArgumentException($"{name}: {param} {rule} (got {value})", param);
        }

        Name = name;
        Size = size;
        Parameters = parameters;
        _v = new float[size];
        _ge = new float[size];
        _gi = new float[size];
        _vInf = new float[size];
        _currentPa = new double[size];
        _integratesFrom = new int[size];
        Array.Fill(_v, (float)parameters.RestingPotential);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int Size { get; }

    /// <summary>The model parameters.</summary>
    public LifParameters Parameters { get; }

    /// <summary>The factors computed by <see cref="Prepare"/>.</summary>
    public LifPropagator Propagator => _propagator;

    /// <inheritdoc/>
    public bool AcceptsInput => true;

    /// <inheritdoc/>
    public IReadOnlyList<string> Variables => VariableNames;

    /// <summary>Membrane potentials V (mV), live.</summary>
    public Span<float> V => _v;

    /// <summary>Excitatory synaptic variables g_e (mV), live.</summary>
    public Span<float> Ge => _ge;

    /// <summary>Inhibitory synaptic variables g_i (mV), live.</summary>
    public Span<float> Gi => _gi;

    /// <summary>V_inf = E_l + R·I per neuron (mV), the potential each relaxes to without synaptic input; read by
    /// the event-driven engine (valid after <see cref="Prepare"/>).</summary>
    public ReadOnlySpan<float> VInf => _vInf;

    /// <inheritdoc/>
    public float[] Variable(string name) => name switch
    {
        "v" => _v,
        "g_e" => _ge,
        "g_i" => _gi,
        _ => throw new ArgumentException(
            $"{Name}: unknown state variable '{name}' (lif has v, g_e, g_i)", nameof(name)),
    };

    /// <inheritdoc/>
    public void AddCurrent(double amplitudePa, IReadOnlyList<int>? neurons)
    {
        if (neurons is null)
        {
            for (int i = 0; i < Size; i++)
            {
                _currentPa[i] += amplitudePa;
            }
        }
        else
        {
            foreach (int i in neurons)
            {
                _currentPa[i] += amplitudePa;
            }
        }

        UpdateDrive();
    }

    /// <inheritdoc/>
    public void Prepare(double dt)
    {
        _propagator = LifPropagator.For(Parameters, dt);
        CodeWarmup.Prepare(typeof(LifKernel<float>));
        UpdateDrive();
        _prepared = true;
    }

    /// <inheritdoc/>
    public Span<float> SynapticVariable(Receptor receptor) => receptor == Receptor.Excitatory ? _ge : _gi;

    /// <inheritdoc/>
    public void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes)
    {
        if (!_prepared)
        {
            throw new InvalidOperationException($"{Name}: Prepare(dt) must run before the first step");
        }

        int n = end - start;
        var block = new LifKernel<float>.Block(
            _v.AsSpan(start, n), _ge.AsSpan(start, n), _gi.AsSpan(start, n), _integratesFrom.AsSpan(start, n),
            _perNeuronDrive ? _vInf.AsSpan(start, n) : default, due.Excitatory, due.Inhibitory);
        LifKernel<float>.Step(_factors, block, checked((int)step), start, spikes);
    }

    /// <summary>V_inf = E_l + R·(I_e + I_inj): the potential each neuron relaxes to without synaptic input.</summary>
    private void UpdateDrive()
    {
        _perNeuronDrive = false;
        for (int i = 0; i < Size; i++)
        {
            double current = Parameters.BiasCurrent + _currentPa[i];
            double drive = current == 0 ? 0 : Parameters.Resistance * current;
            _vInf[i] = (float)(Parameters.RestingPotential + drive);
            _perNeuronDrive |= _vInf[i] != _vInf[0];
        }

        float shared = Size > 0 ? _vInf[0] : (float)Parameters.RestingPotential;
        _factors = LifKernel<float>.Factors.From(Parameters, _propagator, shared);
    }
}
