using System.Numerics.Tensors;

namespace NeuroSim.Learning.Optimizers;

/// <summary>
/// Applies SGD, momentum, Nesterov, RMSprop or Adam (see <see cref="OptimizerKind"/>) to parameter arrays in
/// place. Each parameter array (a weight matrix, a bias vector) is registered once and gets a slot holding its
/// state (velocity, squared-gradient averages); nothing is allocated per step. One optimiser step is:
/// <see cref="BeginStep"/> once, then <see cref="Update"/> for every slot with that step's gradient.
/// The gradient may already be modulated (GRAPES): the optimiser is indifferent to where g comes from.
/// </summary>
public sealed class Optimizer
{
    private readonly List<float[]> first = [];
    private readonly List<float[]> second = [];
    private float learningRate;
    private float bias1 = 1f, bias2 = 1f;

    /// <summary>Creates an optimiser; call <see cref="Register"/> for each parameter array.</summary>
    public Optimizer(OptimizerSettings settings)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        learningRate = settings.LearningRate;
    }

    /// <summary>The rule and its constants.</summary>
    public OptimizerSettings Settings { get; }

    /// <summary>Steps taken so far (Adam's t).</summary>
    public long StepCount { get; private set; }

    /// <summary>The learning rate in use (after the schedule).</summary>
    public float CurrentLearningRate => learningRate;

    /// <summary>Number of registered slots.</summary>
    public int SlotCount => first.Count;

    /// <summary>Registers a parameter array of <paramref name="length"/> values; returns its slot.</summary>
    public int Register(int length)
    {
        bool needsFirst = Settings.Kind is OptimizerKind.Momentum or OptimizerKind.Nesterov or OptimizerKind.Adam;
        bool needsSecond = Settings.Kind is OptimizerKind.RmsProp or OptimizerKind.Adam;
        first.Add(needsFirst ? new float[length] : []);
        second.Add(needsSecond ? new float[length] : []);
        return first.Count - 1;
    }

    /// <summary>Sets the learning rate for epoch <paramref name="epoch"/> (0-based) from the schedule.</summary>
    public void SetEpoch(int epoch) => learningRate = Settings.LearningRateAt(epoch);

    /// <summary>Starts a step: advances t and Adam's bias corrections.</summary>
    public void BeginStep()
    {
        StepCount++;
        bias1 = 1f - MathF.Pow(Settings.Beta1, StepCount);
        bias2 = 1f - MathF.Pow(Settings.Beta2, StepCount);
    }

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradient"/>.</summary>
    public void Update(int slot, Span<float> parameters, ReadOnlySpan<float> gradient)
    {
        if (parameters.Length != gradient.Length)
        {
            throw new ArgumentException($"{parameters.Length} parameters but {gradient.Length} gradient values");
        }

        float eta = learningRate;
        switch (Settings.Kind)
        {
            case OptimizerKind.Sgd:
                TensorPrimitives.MultiplyAdd(gradient, -eta, parameters, parameters);
                break;
            case OptimizerKind.Momentum:
                {
                    Span<float> v = first[slot];
                    TensorPrimitives.MultiplyAdd(v, Settings.Momentum, gradient, v);
                    TensorPrimitives.MultiplyAdd(v, -eta, parameters, parameters);
                    break;
                }

            case OptimizerKind.Nesterov:
                {
                    Span<float> v = first[slot];
                    float mu = Settings.Momentum;
                    TensorPrimitives.MultiplyAdd(v, mu, gradient, v);
                    for (int i = 0; i < parameters.Length; i++)
                    {
                        parameters[i] -= eta * (gradient[i] + mu * v[i]);
                    }

                    break;
                }

            case OptimizerKind.RmsProp:
                {
                    Span<float> s = second[slot];
                    float rho = Settings.Rho, eps = Settings.Epsilon;
                    for (int i = 0; i < parameters.Length; i++)
                    {
                        float g = gradient[i];
                        s[i] = rho * s[i] + (1f - rho) * g * g;
                        parameters[i] -= eta * g / (MathF.Sqrt(s[i]) + eps);
                    }

                    break;
                }

            case OptimizerKind.Adam:
                {
                    Span<float> m = first[slot], v = second[slot];
                    float b1 = Settings.Beta1, b2 = Settings.Beta2, eps = Settings.Epsilon;
                    float c1 = 1f / bias1, c2 = 1f / bias2;
                    for (int i = 0; i < parameters.Length; i++)
                    {
                        float g = gradient[i];
                        m[i] = b1 * m[i] + (1f - b1) * g;
                        v[i] = b2 * v[i] + (1f - b2) * g * g;
                        parameters[i] -= eta * (m[i] * c1) / (MathF.Sqrt(v[i] * c2) + eps);
                    }

                    break;
                }

            default:
                throw new InvalidOperationException($"unknown optimizer kind {Settings.Kind}");
        }
    }

    /// <summary>The state of every slot (first moments, then second moments), for checkpoints.</summary>
    public IReadOnlyList<float[]> StateArrays => [.. first, .. second];

    /// <summary>Restores state saved from <see cref="StateArrays"/> and <see cref="StepCount"/>.</summary>
    public void RestoreState(long stepCount, IReadOnlyList<float[]> arrays)
    {
        if (arrays.Count != first.Count + second.Count)
        {
            throw new ArgumentException($"checkpoint holds {arrays.Count} optimizer arrays, expected " +
                $"{first.Count + second.Count}");
        }

        for (int i = 0; i < arrays.Count; i++)
        {
            float[] target = i < first.Count ? first[i] : second[i - first.Count];
            if (arrays[i].Length != target.Length)
            {
                throw new ArgumentException($"optimizer array {i} has {arrays[i].Length} values, expected " +
                    $"{target.Length}");
            }

            arrays[i].CopyTo(target, 0);
        }

        StepCount = stepCount;
        bias1 = 1f - MathF.Pow(Settings.Beta1, StepCount);
        bias2 = 1f - MathF.Pow(Settings.Beta2, StepCount);
    }
}
