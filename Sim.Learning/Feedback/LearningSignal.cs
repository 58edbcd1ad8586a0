namespace NeuroSim.Learning.Feedback;

/// <summary>How the output error reaches the hidden layers (the training section's "signal").</summary>
public enum LearningSignal
{
    /// <summary>"backprop": δ[l] = (W[l+1]ᵀ δ[l+1]) ⊙ f'(a[l]) (Rumelhart, Hinton and Williams 1986).</summary>
    Backprop,

    /// <summary>
    /// "feedback_alignment": δ[l] = (B[l+1] δ[l+1]) ⊙ f'(a[l]) with fixed random B in place of W ᵀ
    /// (Lillicrap et al., Nature Communications 7, 2016).
    /// </summary>
    FeedbackAlignment,

    /// <summary>
    /// "dfa": δ[l] = (B[l] e) ⊙ f'(a[l]), the output error e sent straight to every hidden layer through a fixed
    /// random matrix (Nøkland, NeurIPS 2016).
    /// </summary>
    DirectFeedbackAlignment,
}
