namespace NeuroSim.Neurons.Lif;

/// <summary>
/// Parameters of a current-based leaky integrate-and-fire neuron with exponentially decaying synaptic
/// variables (network-file kind <c>lif</c>; the names in brackets are the file's).
/// </summary>
/// <remarks>
/// Model (Vogels &amp; Abbott 2005; Brian2's CUBA example; NEST's iaf_psc_exp):
/// <code>
///   tau_m dV/dt  = -(V - E_l) + g_e + g_i + R·(I_e + I_inj)   (held at V_r while refractory)
///   tau_e dg_e/dt = -g_e,   tau_i dg_i/dt = -g_i
///   V &gt;= V_t  →  spike, V ← V_r, refractory for t_ref
/// </code>
/// g_e and g_i are voltage-like (mV): a spike through a synapse of weight w adds w to them. Currents (pA)
/// enter through R = tau_m / C_m (ms / pF = GΩ, so pA·GΩ = mV).
/// <list type="table">
/// <item><term>TauM [tau_m]</term><description>membrane time constant, ms, &gt; 0</description></item>
/// <item><term>Capacitance [c_m]</term><description>membrane capacitance, pF, &gt; 0</description></item>
/// <item><term>RestingPotential [e_l]</term><description>leak reversal potential, mV</description></item>
/// <item><term>Threshold [v_th]</term><description>spike threshold, mV, &gt; V_r</description></item>
/// <item><term>Reset [v_reset]</term><description>reset potential, mV</description></item>
/// <item><term>Refractory [t_ref]</term><description>ms, &gt;= 0, a whole number of steps</description></item>
/// <item><term>TauExc [tau_syn_e]</term><description>excitatory synaptic time constant, ms, &gt; 0</description></item>
/// <item><term>TauInh [tau_syn_i]</term><description>inhibitory synaptic time constant, ms, &gt; 0</description></item>
/// <item><term>BiasCurrent [i_e]</term><description>constant bias current, pA</description></item>
/// </list>
/// </remarks>
public sealed record LifParameters(
    double TauM,
    double Capacitance,
    double RestingPotential,
    double Threshold,
    double Reset,
    double Refractory,
    double TauExc,
    double TauInh,
    double BiasCurrent = 0)
{
    /// <summary>Membrane resistance R = tau_m / C_m in GΩ (mV per pA).</summary>
    public double Resistance => TauM / Capacitance;

    /// <summary>Every rule the parameters break, as (parameter name, rule, value) triples; empty when valid.</summary>
    public IReadOnlyList<(string Parameter, string Rule, string Value)> Violations()
    {
        var errors = new List<(string, string, string)>();
        Positive(errors, "tau_m", TauM, "ms");
        Positive(errors, "c_m", Capacitance, "pF");
        Positive(errors, "tau_syn_e", TauExc, "ms");
        Positive(errors, "tau_syn_i", TauInh, "ms");
        if (!(Refractory >= 0) || double.IsInfinity(Refractory))
        {
            errors.Add(("t_ref", "must be >= 0 ms", $"{Refractory} ms"));
        }

        if (!(Reset < Threshold))
        {
            errors.Add(("v_reset", $"must be below v_th ({Threshold} mV)", $"{Reset} mV"));
        }

        if (!double.IsFinite(BiasCurrent) || !double.IsFinite(RestingPotential))
        {
            errors.Add(("i_e", "must be finite", $"{BiasCurrent} pA"));
        }

        return errors;
    }

    private static void Positive(List<(string, string, string)> errors, string name, double value, string unit)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            errors.Add((name, $"must be > 0 {unit}", $"{value} {unit}"));
        }
    }
}
