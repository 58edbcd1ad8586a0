namespace NeuroSim.Core.Network;

/// <summary>How a state variable's initial value is chosen.</summary>
public enum InitKind
{
    /// <summary>Every neuron starts at <see cref="InitSpec.A"/>.</summary>
    Constant,

    /// <summary>Uniform in [<see cref="InitSpec.A"/>, <see cref="InitSpec.B"/>).</summary>
    Uniform,

    /// <summary>Normal with mean <see cref="InitSpec.A"/> and standard deviation <see cref="InitSpec.B"/>.</summary>
    Normal,
}
