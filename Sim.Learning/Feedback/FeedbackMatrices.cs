using NeuroSim.Learning.Initialization;

namespace NeuroSim.Learning.Feedback;

/// <summary>
/// The fixed random feedback weights of feedback alignment and DFA. They are not network weights (they never
/// learn and are not saved): they are regenerated from the run's seed, so a resumed run gets the same ones.
/// <list type="bullet">
/// <item>FA: for each layer l ≥ 2, B[l] has W[l]'s shape n_l × n_{l−1} and replaces it in
/// δ[l−1] = (B[l]ᵀδ[l]) ⊙ f'; drawn from the same distribution as W[l].</item>
/// <item>DFA: for each hidden layer l, D[l] is n_L × n_l (row-major) so that the batch form of
/// δ[l] = (B[l] e) ⊙ f' is E·D[l] (E: batch × n_L); drawn from the weight scheme with fan-in n_L.</item>
/// </list>
/// Layer indices here are 0-based positions in <c>AnnNetwork.Layers</c>.
/// </summary>
public sealed class FeedbackMatrices
{
    private readonly float[]?[] matrices;

    private FeedbackMatrices(float[]?[] matrices) => this.matrices = matrices;

    /// <summary>The matrix used for layer <paramref name="layer"/> (see the class summary), or null.</summary>
    public float[]? this[int layer] => matrices[layer];

    /// <summary>
    /// Draws the matrices for a network with layer sizes <paramref name="sizes"/> (input first, output last).
    /// </summary>
    public static FeedbackMatrices Create(LearningSignal signal, ReadOnlySpan<int> sizes, WeightInit init,
        TrainingRandom random)
    {
        int layers = sizes.Length - 1;
        var result = new float[]?[layers];
        int outputs = sizes[layers];
        for (int l = 0; l < layers; l++)
        {
            if (signal == LearningSignal.FeedbackAlignment && l >= 1)
            {
                result[l] = new float[sizes[l + 1] * sizes[l]];
                WeightInitializer.Fill(init, result[l], sizes[l], sizes[l + 1], random);
            }
            else if (signal == LearningSignal.DirectFeedbackAlignment && l < layers - 1)
            {
                result[l] = new float[outputs * sizes[l + 1]];
                WeightInitializer.Fill(init, result[l], outputs, sizes[l + 1], random);
            }
        }

        return new FeedbackMatrices(result);
    }
}
