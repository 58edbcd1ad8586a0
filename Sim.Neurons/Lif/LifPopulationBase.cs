using System.Numerics;
using System.Runtime.CompilerServices;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;

namespace NeuroSim.Neurons.Lif;

/// <summary>
/// What <see cref="LifPopulation"/> (float32) and <see cref="Float64LifPopulation"/> (float64) share: the
/// current-based LIF neurons' state as struct-of-arrays in precision <typeparamref name="T"/>, the drive, and the
/// step, which is <see cref="LifKernel{T}"/> over one block.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
/// <remarks>
/// <para>One step n, [t_n, t_n + dt), in order:</para>
/// <list type="number">
/// <item>(the jumps due at t_n are added to g_e and g_i, by the engine or inside the kernel;)</item>
/// <item>propagate V, g_e, g_i exactly to t_n + dt; a refractory neuron keeps V = V_r while g_e, g_i decay;</item>
/// <item>threshold: V &gt;= V_t is a spike stamped t_n;</item>
/// <item>reset: V ← V_r and the refractory countdown starts.</item>
/// </list>
/// <para>Refractory semantics (Brian2's): a spike at t_n makes the neuron refractory on [t_n, t_n + t_ref); the
/// membrane is held at V_r during the k − 1 steps after the spike step (k = t_ref / dt, an integer counter,
/// never a floating-point time compare) and integrates again from step n + k. A neuron driven hard enough to
/// fire at its first chance therefore fires every k steps exactly.</para>
/// <para>Float32 in both precisions: the parameters V_t, V_r and V_inf = E_l + R·I (rounded to float32, as the
/// event engine reads them), the initial values, and the weights. So a network has one set of numbers, and only
/// the integration changes with the precision.</para>
/// </remarks>
public abstract class LifPopulationBase<T> : ICurrentTarget
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly string[] VariableNames = ["v", "g_e", "g_i"];

    private readonly T[] _v;
    private readonly T[] _ge;
    private readonly T[] _gi;
    private readonly T[] _vInf;
    private readonly double[] _currentPa;
    private readonly int[] _integratesFrom;
    private LifPropagator _propagator;
    private LifKernel<T>.Factors _factors;
    private double _dt;
    private bool _prepared;
    private bool _perNeuronDrive;

    /// <summary>Creates <paramref name="size"/> neurons at rest (V = E_l as float32, g = 0, not refractory).
    /// </summary>
    private protected LifPopulationBase(string name, int size, LifParameters parameters)
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
        _v = new T[size];
        _ge = new T[size];
        _gi = new T[size];
        _vInf = new T[size];
        _currentPa = new double[size];
        _integratesFrom = new int[size];
        Array.Fill(_v, T.CreateTruncating((float)parameters.RestingPotential));
    }

    /// <summary>The population's name.</summary>
    public string Name { get; }

    /// <summary>Number of neurons.</summary>
    public int Size { get; }

    /// <summary>The model parameters.</summary>
    public LifParameters Parameters { get; }

    /// <summary>The factors computed by <see cref="Prepare"/> (a float64 population's kernel uses only its
    /// <see cref="LifPropagator.RefractorySteps"/>; its P and K are <see cref="LifKernel{T}.Factors.FromGrid"/>'s).
    /// </summary>
    public LifPropagator Propagator => _propagator;

    /// <summary>LIF neurons take synaptic input.</summary>
    public bool AcceptsInput => true;

    /// <summary>The state variables: v, g_e, g_i.</summary>
    public IReadOnlyList<string> Variables => VariableNames;

    /// <summary>Membrane potentials V (mV), live.</summary>
    public Span<T> V => _v;

    /// <summary>Excitatory synaptic variables g_e (mV), live.</summary>
    public Span<T> Ge => _ge;

    /// <summary>Inhibitory synaptic variables g_i (mV), live.</summary>
    public Span<T> Gi => _gi;

    /// <summary>V_inf = E_l + R·I per neuron (mV; float32 values), the potential each relaxes to without synaptic
    /// input; read by the event-driven engine (valid after <see cref="Prepare"/>).</summary>
    public ReadOnlySpan<T> VInf => _vInf;

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

    /// <summary>Computes the propagator for step <paramref name="dt"/> (ms); called once before the first step.
    /// </summary>
    public void Prepare(double dt)
    {
        _propagator = LifPropagator.For(Parameters, dt);
        _dt = dt;
        CodeWarmup.Prepare(typeof(LifKernel<T>));
        UpdateDrive();
        _prepared = true;
    }

    /// <summary>The live array of state variable <paramref name="name"/> (v, g_e or g_i).</summary>
    private protected T[] StateArray(string name) => name switch
    {
        "v" => _v,
        "g_e" => _ge,
        "g_i" => _gi,
        _ => throw new ArgumentException(
            $"{Name}: unknown state variable '{name}' (lif has v, g_e, g_i)", nameof(name)),
    };

    /// <summary>The live synaptic variable of <paramref name="receptor"/>.</summary>
    private protected Span<T> Synaptic(Receptor receptor) => receptor == Receptor.Excitatory ? _ge : _gi;

    /// <summary>Advances neurons [<paramref name="start"/>, <paramref name="end"/>) over step
    /// <paramref name="step"/>, consuming <paramref name="due"/> inside the kernel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void StepBlock(long step, int start, int end, DueJumps<T> due, SpikeBuffer spikes)
    {
        if (!_prepared)
        {
            throw new InvalidOperationException($"{Name}: Prepare(dt) must run before the first step");
        }

        int n = end - start;
        var block = new LifKernel<T>.Block(
            _v.AsSpan(start, n), _ge.AsSpan(start, n), _gi.AsSpan(start, n), _integratesFrom.AsSpan(start, n),
            _perNeuronDrive ? _vInf.AsSpan(start, n) : default, due.Excitatory, due.Inhibitory);
        LifKernel<T>.Step(_factors, block, checked((int)step), start, spikes);
    }

    // V_inf = E_l + R·(I_e + I_inj), rounded to float32 in both precisions. The float32 kernel takes the
    // propagator's factors; the float64 one the event engine's grid functions (LifKernel<T>.Factors.FromGrid).
    private void UpdateDrive()
    {
        _perNeuronDrive = false;
        for (int i = 0; i < Size; i++)
        {
            double current = Parameters.BiasCurrent + _currentPa[i];
            double drive = current == 0 ? 0 : Parameters.Resistance * current;
            _vInf[i] = T.CreateTruncating((float)(Parameters.RestingPotential + drive));
            _perNeuronDrive |= _vInf[i] != _vInf[0];
        }

        float shared = Size > 0 ? float.CreateTruncating(_vInf[0]) : (float)Parameters.RestingPotential;
        _factors = typeof(T) == typeof(float)
            ? LifKernel<T>.Factors.From(Parameters, _propagator, shared)
            : LifKernel<T>.Factors.FromGrid(Parameters, _propagator.RefractorySteps, _dt, shared);
    }
}
