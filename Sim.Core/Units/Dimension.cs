namespace NeuroSim.Core.Units;

/// <summary>
/// Physical dimension of a quantity in a network file. Each dimension has one canonical unit in which
/// <see cref="Quantity.Value"/> is expressed: time ms, voltage mV, current pA, capacitance pF,
/// frequency Hz, resistance MOhm. These canonical units are mutually consistent: mV = pA · MOhm / 1000 and
/// ms / pF · pA = mV, so tau_m [ms] / c_m [pF] · I [pA] gives a voltage in mV directly.
/// </summary>
public enum Dimension
{
    /// <summary>A plain number (no unit).</summary>
    Dimensionless,

    /// <summary>Time, canonical unit ms.</summary>
    Time,

    /// <summary>Voltage, canonical unit mV.</summary>
    Voltage,

    /// <summary>Current, canonical unit pA.</summary>
    Current,

    /// <summary>Capacitance, canonical unit pF.</summary>
    Capacitance,

    /// <summary>Frequency, canonical unit Hz.</summary>
    Frequency,

    /// <summary>Resistance, canonical unit MOhm.</summary>
    Resistance,
}
