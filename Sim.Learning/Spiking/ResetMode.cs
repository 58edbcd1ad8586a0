namespace NeuroSim.Learning.Spiking;

/// <summary>How a spike resets the membrane of a trainable LIF layer.</summary>
public enum ResetMode
{
    /// <summary>v ← v − θ·y: the excess above threshold is kept ("soft" reset).</summary>
    Subtract,

    /// <summary>v ← v·(1 − y): the membrane restarts from zero after a spike.</summary>
    Zero,
}
