namespace NeuroSim.Learning.Losses;

/// <summary>The readout loss of an ANN, named in the training section as "loss".</summary>
public enum LossKind
{
    /// <summary>
    /// "cross_entropy": y = softmax(a[L]) over the linear output layer, loss = −ln y_t per sample (mean over the
    /// batch); output error δ[L] = y − t.
    /// </summary>
    SoftmaxCrossEntropy,

    /// <summary>
    /// "mse": loss = ½·Σ_c (h_c − t_c)² per sample (mean over the batch), t one-hot;
    /// output error δ[L] = (h − t) ⊙ f'(a[L]).
    /// </summary>
    MeanSquaredError,
}
