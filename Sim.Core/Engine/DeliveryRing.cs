using NeuroSim.Core.Network;

namespace NeuroSim.Core.Engine;

/// <summary>
/// The input ring buffer of one target population: one slot per delivery step, each slot holding every
/// neuron's pending jump for each receptor, plus the list of neurons the slot touched.
/// </summary>
/// <remarks>
/// With the longest delay D steps into this population, spikes found in step n land in slots n + 1 .. n + 1 + D,
/// and step m drains slot m; a ring of D + 1 slots suffices because step n drains and zeroes its own slot
/// before any spike of step n is written (as NEST's ring buffers do). Draining visits only the neurons a slot
/// touched (a list kept while adding), so a sparsely active network pays per synaptic event, not per neuron;
/// when a slot touches more than a quarter of the population it is drained densely instead. Either way each
/// neuron's jumps are summed in delivery order and added to its synaptic variable once, so the result does not
/// depend on which way the slot was drained.
/// </remarks>
public sealed class DeliveryRing
{
    private readonly float[][] _jumps;
    private readonly int[][] _touched;
    private readonly int[] _touchedCount;
    private readonly bool[] _dense;
    private readonly int _touchedCapacity;

    /// <summary>Creates a ring for <paramref name="size"/> neurons and delays up to
    /// <paramref name="maxDelaySteps"/>.</summary>
    public DeliveryRing(int size, int maxDelaySteps)
    {
        Size = size;
        Length = maxDelaySteps + 1;
        _touchedCapacity = Math.Max(size / 4, 1);
        _jumps = [new float[(long)Length * size], new float[(long)Length * size]];
        _touched = [new int[Length * _touchedCapacity], new int[Length * _touchedCapacity]];
        _touchedCount = new int[2 * Length];
        _dense = new bool[2 * Length];
    }

    /// <summary>Neurons per slot.</summary>
    public int Size { get; }

    /// <summary>Number of slots.</summary>
    public int Length { get; }

    /// <summary>The slot index for delivery step <paramref name="step"/>.</summary>
    public int SlotOf(long step) => (int)(step % Length);

    /// <summary>Adds a jump <paramref name="weight"/> for neuron <paramref name="post"/> in slot
    /// <paramref name="slot"/>.</summary>
    public void Add(Receptor receptor, int slot, int post, float weight)
    {
        int r = (int)receptor;
        ref float cell = ref _jumps[r][slot * Size + post];
        int flag = r * Length + slot;
        if (cell == 0 && !_dense[flag])
        {
            int count = _touchedCount[flag];
            if (count < _touchedCapacity)
            {
                _touched[r][slot * _touchedCapacity + count] = post;
                _touchedCount[flag] = count + 1;
            }
            else
            {
                _dense[flag] = true;
            }
        }

        cell += weight;
    }

    /// <summary>Adds the jumps due in <paramref name="step"/> to the synaptic variables and empties the slot.</summary>
    public void Drain(long step, Span<float> excitatory, Span<float> inhibitory)
    {
        int slot = SlotOf(step);
        Drain(Receptor.Excitatory, slot, excitatory);
        Drain(Receptor.Inhibitory, slot, inhibitory);
    }

    private void Drain(Receptor receptor, int slot, Span<float> target)
    {
        int r = (int)receptor;
        int flag = r * Length + slot;
        Span<float> jumps = _jumps[r].AsSpan(slot * Size, Size);
        if (_dense[flag])
        {
            for (int j = 0; j < jumps.Length; j++)
            {
                target[j] += jumps[j];
            }

            jumps.Clear();
        }
        else
        {
            foreach (int j in _touched[r].AsSpan(slot * _touchedCapacity, _touchedCount[flag]))
            {
                if (jumps[j] != 0)
                {
                    target[j] += jumps[j];
                    jumps[j] = 0;
                }
            }
        }

        _touchedCount[flag] = 0;
        _dense[flag] = false;
    }
}
