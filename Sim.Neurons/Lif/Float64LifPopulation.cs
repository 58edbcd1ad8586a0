using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Neurons.Lif;

/// <summary>
/// A population of current-based LIF neurons (<see cref="LifParameters"/>) whose state (V, g_e, g_i) and input
/// sums are float64 (<c>"precision": "float64"</c>): the step of <see cref="LifPopulation"/>, in double, so the
/// clock engine gives the event engine's spike trains exactly for grid-aligned input.
/// </summary>
/// <remarks>
/// <para>Same step, in the same order: (jumps due at t_n added to g_e, g_i;) propagate exactly to t_n + dt; a
/// refractory neuron keeps V = V_r while g_e, g_i decay; V ≥ V_t spikes, stamped t_n; reset and hold for k − 1
/// steps (k = t_ref/dt, an integer counter). See <see cref="LifKernel{T}"/>.</para>
/// <para>What stays float32: the parameters V_t, V_r and V_inf = E_l + R·I (rounded to float32 as in the float32
/// kernel, and as the event engine reads them), the initial values, and the weights. So a network has one set of
/// numbers, and only the integration changes with the precision.</para>
/// <para>State is handed out as double arrays (<see cref="Variable64"/>); the float32 accessors throw.</para>
/// </remarks>
public sealed class Float64LifPopulation : IFloat64Population, ICurrentTarget
{
    private static readonly string[] VariableNames = ["v", "g_e", "g_i"];

    private readonly double[] _v;
    private readonly double[] _ge;
    private readonly double[] _gi;
    private readonly double[] _vInf;
    private readonly double[] _currentPa;
    private readonly int[] _integratesFrom;
    private LifKernel<double>.Factors _factors;
    private LifPropagator _propagator;
    private double _dt;
    private bool _prepared;
    private bool _perNeuronDrive;

    /// <summary>Creates <paramref name="size"/> neurons at rest (V = E_l as float32, g = 0, not refractory).
    /// </summary>
    public Float64LifPopulation(string name, int size, LifParameters parameters)
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
        _v = new double[size];
        _ge = new double[size];
        _gi = new double[size];
        _vInf = new double[size];
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

    /// <summary>The refractory steps and float32-kernel factors computed by <see cref="Prepare"/> (the float64
    /// kernel uses only its <see cref="LifPropagator.RefractorySteps"/>).</summary>
    public LifPropagator Propagator => _propagator;

    /// <inheritdoc/>
    public bool AcceptsInput => true;

    /// <inheritdoc/>
    public IReadOnlyList<string> Variables => VariableNames;

    /// <summary>Membrane potentials V (mV), live.</summary>
    public Span<double> V => _v;

    /// <summary>Excitatory synaptic variables g_e (mV), live.</summary>
    public Span<double> Ge => _ge;

    /// <summary>Inhibitory synaptic variables g_i (mV), live.</summary>
    public Span<double> Gi => _gi;

    /// <summary>V_inf = E_l + R·I per neuron (mV; float32 values, widened), valid after <see cref="Prepare"/>.
    /// </summary>
    public ReadOnlySpan<double> VInf => _vInf;

    /// <inheritdoc/>
    public double[] Variable64(string name) => name switch
    {
        "v" => _v,
        "g_e" => _ge,
        "g_i" => _gi,
        _ => throw new ArgumentException(
            $"{Name}: unknown state variable '{name}' (lif has v, g_e, g_i)", nameof(name)),
    };

    /// <summary>Not supported: the state is float64 (<see cref="Variable64"/>).</summary>
    public float[] Variable(string name) => throw new NotSupportedException(
        $"{Name}: the state is float64 (\"precision\": \"float64\"); read it with Variable64");

    /// <summary>Not supported: input arrives through the engine's float64 <see cref="DeliveryRing{T}"/>.</summary>
    public Span<float> SynapticVariable(Receptor receptor) => throw new NotSupportedException(
        $"{Name}: the state is float64; synaptic input arrives through a DeliveryRing<double>");

    /// <inheritdoc/>
    public Span<double> SynapticVariable64(Receptor receptor) => receptor == Receptor.Excitatory ? _ge : _gi;

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
        _dt = dt;
        UpdateDrive();
        _prepared = true;
    }

    /// <summary>One step with no input (the float32 contract's entry; <paramref name="due"/> must be empty).
    /// </summary>
    public void Advance(long step, int start, int end, DueJumps<float> due, SpikeBuffer spikes)
    {
        if (!due.Excitatory.IsEmpty || !due.Inhibitory.IsEmpty)
        {
            throw new InvalidOperationException($"{Name}: float64 input arrives as DueJumps<double>");
        }

        Advance(step, start, end, default(DueJumps<double>), spikes);
    }

    /// <inheritdoc/>
    public void Advance(long step, int start, int end, DueJumps<double> due, SpikeBuffer spikes)
    {
        if (!_prepared)
        {
            throw new InvalidOperationException($"{Name}: Prepare(dt) must run before the first step");
        }

        int n = end - start;
        var block = new LifKernel<double>.Block(
            _v.AsSpan(start, n), _ge.AsSpan(start, n), _gi.AsSpan(start, n), _integratesFrom.AsSpan(start, n),
            _perNeuronDrive ? _vInf.AsSpan(start, n) : default, due.Excitatory, due.Inhibitory);
        LifKernel<double>.Step(_factors, block, checked((int)step), start, spikes);
    }

    // V_inf = E_l + R·(I_e + I_inj), rounded to float32 as LifPopulation does.
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

        float shared = Size > 0 ? (float)_vInf[0] : (float)Parameters.RestingPotential;
        _factors = LifKernel<double>.Factors.FromGrid(Parameters, _propagator.RefractorySteps, _dt, shared);
    }
}
