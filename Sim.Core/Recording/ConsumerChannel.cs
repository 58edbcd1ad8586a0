using System.Threading.Channels;

namespace NeuroSim.Core.Recording;

/// <summary>
/// The hand-over of the recorders: the engine writes into a bounded channel that one consumer task drains. A
/// consumer that fails closes the channel with its error (<c>writer.TryComplete(error)</c>), so an engine waiting
/// for room gets that error (<see cref="Write{T}"/>) instead of waiting for a reader that is gone.
/// </summary>
internal static class ConsumerChannel
{
    /// <summary>Writes <paramref name="item"/>, waiting for room; rethrows the consumer's error if it failed.</summary>
    public static void Write<T>(ChannelWriter<T> writer, T item, Task consumer)
    {
        if (writer.TryWrite(item))
            return;
        try
        {
            writer.WriteAsync(item).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            consumer.GetAwaiter().GetResult();
            throw;
        }
    }
}
