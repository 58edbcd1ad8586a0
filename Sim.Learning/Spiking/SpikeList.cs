using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NeuroSim.Encoders.Spikes;

namespace NeuroSim.Learning.Spiking;

/// <summary>
/// The nonzero entries of one sample's activity raster x [T, m] (time-major), kept twice: step-major (for each
/// step t, the active inputs j in ascending order, with their values) and input-major (for each input j, the
/// steps t in ascending order). Sized once for T × m entries; rebuilding allocates nothing.
/// </summary>
/// <remarks>
/// Spike rasters are binary and sparse (Poisson-coded MNIST: ~11% of 784 inputs per step; hidden LIF layers
/// fire less), so the layer's kernels (<see cref="SpikeKernels"/>) visit only these entries. An entry is
/// "active" when x ≠ 0 (NaN counts as active, −0 and +0 do not), exactly the entries a dense loop that skips
/// zeros would visit, in the same order.
/// </remarks>
internal sealed class SpikeList
{
    private readonly int[] _stepStart, _index, _inputStart, _inputStep;
    private readonly float[] _value, _inputValue;
    private bool _byInputValid;

    /// <summary>Creates an empty list for rasters of <paramref name="steps"/> × <paramref name="size"/>.</summary>
    public SpikeList(int steps, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Steps = steps;
        Size = size;
        _stepStart = new int[steps + 1];
        _index = new int[steps * size];
        _value = new float[steps * size];
        _inputStart = new int[size + 1];
        _inputStep = new int[steps * size];
        _inputValue = new float[steps * size];
    }

    /// <summary>Steps T.</summary>
    public int Steps { get; }

    /// <summary>Inputs m per step.</summary>
    public int Size { get; }

    /// <summary>Whether every active entry is exactly 1 (a spike raster), so kernels may skip the multiply.</summary>
    public bool Binary { get; private set; }

    /// <summary>Active entries over all steps.</summary>
    public int Count => _stepStart[Steps];

    /// <summary>Active inputs of step t, ascending.</summary>
    public ReadOnlySpan<int> Active(int t) => _index.AsSpan(_stepStart[t], _stepStart[t + 1] - _stepStart[t]);

    /// <summary>Values of the active inputs of step t (same order as <see cref="Active"/>).</summary>
    public ReadOnlySpan<float> Values(int t) => _value.AsSpan(_stepStart[t], _stepStart[t + 1] - _stepStart[t]);

    /// <summary>Steps at which input j is active, ascending (after <see cref="IndexByInput"/>).</summary>
    public ReadOnlySpan<int> StepsOf(int j) => _inputStep.AsSpan(_inputStart[j], _inputStart[j + 1] - _inputStart[j]);

    /// <summary>Values of input j at <see cref="StepsOf"/>.</summary>
    public ReadOnlySpan<float> ValuesOf(int j) =>
        _inputValue.AsSpan(_inputStart[j], _inputStart[j + 1] - _inputStart[j]);

    /// <summary>Sets touched[j] for every input j active at some step (after <see cref="IndexByInput"/>).</summary>
    public void MarkActiveInputs(Span<bool> touched)
    {
        ReadOnlySpan<int> start = _inputStart.AsSpan(0, Size + 1);
        for (int j = 0; j < touched.Length && j < Size; j++)
        {
            touched[j] |= start[j + 1] != start[j];
        }
    }

    /// <summary>Collects the active entries of <paramref name="raster"/> [T, m], step-major.</summary>
    public void Build(ReadOnlySpan<float> raster)
    {
        int m = Size;
        if (raster.Length < Steps * m)
        {
            throw new ArgumentException($"raster must hold {Steps} × {m} values (got {raster.Length})",
                nameof(raster));
        }

        int count = 0;
        for (int t = 0; t < Steps; t++)
        {
            _stepStart[t] = count;
            count = Collect(raster.Slice(t * m, m), _index.AsSpan(count), _value.AsSpan(count), count);
        }

        _stepStart[Steps] = count;
        Binary = _value.AsSpan(0, count).IndexOfAnyExcept(1f) < 0;
        _byInputValid = false;
    }

    /// <summary>
    /// Encodes one sample straight into the list (both views), without a dense raster: the encoder lists the
    /// spikes input-major, and the step-major view is sorted from it (stable in j).
    /// </summary>
    public void Encode(ISparseSpikeEncoder encoder, ReadOnlySpan<float> intensities, ulong sampleKey)
    {
        if (encoder.Steps != Steps || intensities.Length != Size)
        {
            throw new ArgumentException($"encoder and sample must give {Steps} × {Size} (got {encoder.Steps} × " +
                $"{intensities.Length})");
        }

        int count = encoder.EncodeByInput(intensities, sampleKey, _inputStart, _inputStep);
        _inputValue.AsSpan(0, count).Fill(1f);
        Span<int> start = _stepStart;
        start.Clear();
        for (int e = 0; e < count; e++)
        {
            start[_inputStep[e] + 1]++;
        }

        for (int t = 0; t < Steps; t++)
        {
            start[t + 1] += start[t];
        }

        for (int j = 0; j < Size; j++)
        {
            for (int e = _inputStart[j]; e < _inputStart[j + 1]; e++)
            {
                int slot = start[_inputStep[e]]++;
                _index[slot] = j;
                _value[slot] = 1f;
            }
        }

        for (int t = Steps; t > 0; t--)
        {
            start[t] = start[t - 1];
        }

        start[0] = 0;
        Binary = true;
        _byInputValid = true;
    }

    /// <summary>
    /// Builds the input-major view from the step-major one (a counting sort, stable in t); cheap to call again
    /// before the list is rebuilt.
    /// </summary>
    public void IndexByInput()
    {
        if (_byInputValid)
        {
            return;
        }

        int m = Size, count = Count;
        Span<int> start = _inputStart;
        start.Clear();
        for (int e = 0; e < count; e++)
        {
            start[_index[e] + 1]++;
        }

        for (int j = 0; j < m; j++)
        {
            start[j + 1] += start[j];
        }

        // Fill, t ascending: the offsets serve as write cursors (each ends at the next input's offset), then are
        // shifted back by one slot, so no second array is needed.
        for (int t = 0; t < Steps; t++)
        {
            for (int e = _stepStart[t]; e < _stepStart[t + 1]; e++)
            {
                int j = _index[e], slot = start[j]++;
                _inputStep[slot] = t;
                _inputValue[slot] = _value[e];
            }
        }

        for (int j = m; j > 0; j--)
        {
            start[j] = start[j - 1];
        }

        start[0] = 0;
        _byInputValid = true;
    }

    // Appends the nonzero entries of one step's row; returns the new running count. A vector compare finds the
    // nonzero lanes, so the cost is one pass over the row plus one store per active entry.
    private static int Collect(ReadOnlySpan<float> row, Span<int> index, Span<float> value, int count)
    {
        int found = 0, j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float start = ref MemoryMarshal.GetReference(row);
            for (; j <= row.Length - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                var x = Vector256.LoadUnsafe(ref start, (nuint)j);
                uint mask = ~Vector256.Equals(x, Vector256<float>.Zero).ExtractMostSignificantBits() & 0xFFu;
                while (mask != 0)
                {
                    int lane = BitOperations.TrailingZeroCount(mask);
                    index[found] = j + lane;
                    value[found++] = Unsafe.Add(ref start, j + lane);
                    mask &= mask - 1;
                }
            }
        }

        for (; j < row.Length; j++)
        {
            if (row[j] != 0f)
            {
                index[found] = j;
                value[found++] = row[j];
            }
        }

        return count + found;
    }
}
