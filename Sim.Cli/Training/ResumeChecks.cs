using NeuroSim.Core.Network;
using NeuroSim.Core.Serialization;
using NeuroSim.Learning.Ann;

namespace NeuroSim.Cli.Training;

/// <summary>
/// What <c>train --resume</c> checks before it continues from a checkpoint (ANN and SNN alike): that the
/// checkpoint holds the network of the file given (same populations, kinds, sizes and projections), and that
/// its trainer state is finite (a checkpoint written after a divergence would only diverge again, with a
/// misleading "smaller learning rate" hint). Weights are checked by the store's loader already.
/// </summary>
public static class ResumeChecks
{
    /// <summary>
    /// The one-line problem when the checkpoint's network differs from the file's, naming both; null when they
    /// have the same name, populations (name, kind, size) and projections (name, source, target, receptor, bias).
    /// </summary>
    public static string? NetworkMismatch(string checkpointPath, NetworkSpec saved, string file, NetworkSpec given)
    {
        if (Signature(saved) == Signature(given))
        {
            return null;
        }

        return $"{checkpointPath}: the checkpoint holds network {Describe(saved)}, but {file} defines network " +
            $"{Describe(given)}; resume with the network file that wrote the checkpoint";
    }

    /// <summary>The one-line problem when an optimiser or parameter array of the checkpoint holds NaN or ±∞;
    /// null when all are finite.</summary>
    public static string? NonFiniteState(string checkpointPath, Checkpoint checkpoint)
    {
        foreach (var (name, values) in checkpoint.OptimizerState)
        {
            int k = Array.FindIndex(values, v => !float.IsFinite(v));
            if (k >= 0)
            {
                return $"{checkpointPath}: trainer state '{name}' element {k} is {values[k]}: the checkpoint was " +
                    "written after the training had diverged; resume from an earlier checkpoint or start afresh";
            }
        }

        return null;
    }

    /// <summary>
    /// The divergence line to print: when the very first step after resuming from <paramref name="resume"/> (next
    /// epoch <paramref name="start"/>) diverged, it names the checkpoint as the likely origin instead of the
    /// exception's "try a smaller learning rate"; otherwise the exception's own message.
    /// </summary>
    public static string DivergenceMessage(TrainingDivergedException ex, string? resume, int start) =>
        resume is not null && ex.Epoch == start && ex.Batch == 0
            ? $"training diverged: {ex.Quantity} of layer {ex.Layer} is NaN or infinite at the first step after " +
              $"resuming from {resume} (epoch {ex.Epoch + 1}, batch 1): the checkpoint's state is the likely " +
              "origin; resume from an earlier checkpoint or start afresh"
            : ex.Message;

    private static string Describe(NetworkSpec spec) =>
        $"'{spec.Name}' ({string.Join(", ", spec.Populations.Select(p => $"{p.Name}: {p.Size} {p.KindName}"))}" +
        $"; {spec.Projections.Count} projections)";

    private static string Signature(NetworkSpec spec) =>
        spec.Name + "|" + string.Join(";", spec.Populations.Select(p => $"{p.Name},{p.KindName},{p.Size}")) + "|" +
        string.Join(";", spec.Projections.Select(p => $"{p.Name},{p.Source},{p.Target},{p.Receptor},{p.Bias}"));
}
