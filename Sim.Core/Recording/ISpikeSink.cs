namespace NeuroSim.Core.Recording;

/// <summary>Where a <see cref="SpikeRecorder"/> sends spikes: called on the recorder's consumer thread, one
/// batch at a time, in step order.</summary>
public interface ISpikeSink
{
    /// <summary>Takes a batch; the span is valid only during the call.</summary>
    void Write(ReadOnlySpan<SpikeEvent> batch);

    /// <summary>Called once after the last batch.</summary>
    void Complete();
}
