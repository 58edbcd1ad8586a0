using System.Numerics;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Network;
using NeuroSim.Core.Random;

namespace NeuroSim.Tests.Engine;

public sealed class DeliveryRingTests
{
    /// <summary>Oracle: per neuron, the jumps (float32 weights, widened for a float64 ring) summed in delivery order
    /// starting from zero in the ring's precision, then added once to the synaptic variable.</summary>
    private static T[] Expected<T>(T[] start, IEnumerable<(int Post, float Weight)> events)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sums = new T[start.Length];
        foreach (var (post, weight) in events)
        {
            sums[post] += T.CreateTruncating(weight);
        }

        return [.. start.Select((v, i) => v + sums[i])];
    }

    private static (int[] Post, float[] Weight) Row(ref SplitMix64 rng, int length, int size)
    {
        var post = new int[length];
        var weight = new float[length];
        for (int k = 0; k < length; k++)
        {
            post[k] = (int)(rng.NextUInt64() % (ulong)size);
            weight[k] = (float)(rng.NextDouble() - 0.3);
        }

        return (post, weight);
    }

    [Theory]
    [InlineData(3, false)]     // few events: the slot stays sparse
    [InlineData(40, false)]    // crosses a quarter of the neurons: the slot goes dense mid-way
    [InlineData(3, true)]      // the same in a float64 ring
    [InlineData(40, true)]
    public void ConsumeEitherWay_RandomRows_SumsEachNeuronsJumpsOnceInDeliveryOrder(int rows, bool float64)
    {
        if (float64)
        {
            ConsumeEitherWay<double>(rows);
        }
        else
        {
            ConsumeEitherWay<float>(rows);
        }
    }

    private static void ConsumeEitherWay<T>(int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int size = 200;
        var rng = new SplitMix64(11);
        var ring = new DeliveryRing<T>(size, 0);
        var excitatory = new T[size];
        var inhibitory = new T[size];
        for (int i = 0; i < size; i++)
        {
            excitatory[i] = T.CreateTruncating((float)rng.NextDouble());
        }

        var events = new List<(int, float)>();
        for (int r = 0; r < rows; r++)
        {
            var (post, weight) = Row(ref rng, 5, size);
            ring.AddRow(Receptor.Excitatory, 0, post, weight);
            events.AddRange(post.Zip(weight));
        }

        var expected = Expected(excitatory, events);
        bool dense = ring.IsDense(0);
        if (dense)
        {
            ring.Due(0, 0, size).AddTo(excitatory, inhibitory);
        }
        else
        {
            ring.ConsumeSparse(0, excitatory, inhibitory);
        }

        ring.Reset(0);

        Assert.Equal(rows > 10, dense);
        Assert.Equal(expected, excitatory);
        Assert.All(inhibitory, v => Assert.Equal(T.Zero, v));
        Assert.All(ring.Due(0, 0, size).Excitatory.ToArray(), v => Assert.Equal(T.Zero, v)); // slot emptied
        Assert.False(ring.IsDense(0));
    }

    [Fact]
    public void AddRow_CellSummingBackToZero_IsAddedOnceAndLeavesNothingBehind()
    {
        // +w, -w, +u on one neuron lists it twice (its cell passed through zero); the sum must still count once.
        var ring = new DeliveryRing<float>(40, 0);
        ring.AddRow(Receptor.Inhibitory, 0, [3, 3, 3], [0.5f, -0.5f, 0.25f]);
        var target = new float[40];
        target[3] = 1f;

        ring.ConsumeSparse(0, new float[40], target);

        Assert.Equal(1.25f, target[3]);
        Assert.Equal(0f, ring.Due(0, 0, 40).Inhibitory[3]);
    }

    [Fact]
    public void AddRow_SharedWeight_EqualsTheSameWeightPerSynapse()
    {
        var rng = new SplitMix64(5);
        var (post, _) = Row(ref rng, 60, 100);
        var perSynapse = new DeliveryRing<float>(100, 2);
        var shared = new DeliveryRing<float>(100, 2);

        perSynapse.AddRow(Receptor.Excitatory, 1, post, Enumerable.Repeat(1.62f, post.Length).ToArray());
        shared.AddRow(Receptor.Excitatory, 1, post, 1.62f);

        Assert.Equal(perSynapse.IsDense(1), shared.IsDense(1));
        Assert.Equal(perSynapse.Due(1, 0, 100).Excitatory.ToArray(), shared.Due(1, 0, 100).Excitatory.ToArray());
    }

    [Fact]
    public void Add_PostOutsideRing_Throws()
    {
        var ring = new DeliveryRing<float>(4, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Add(Receptor.Excitatory, 0, 4, 1f));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Add_SlotOutsideRing_ThrowsAndWritesNothing(int slot)
    {
        // Three slots: an unchecked slot index would address memory outside the slot arrays (slot 3 with the
        // excitatory receptor lands in the inhibitory flags and past the end of the excitatory cells).
        var ring = new DeliveryRing<float>(4, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Add(Receptor.Excitatory, slot, 0, 1f));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ring.AddRow(Receptor.Inhibitory, slot, new[] { 0, 1 }, new[] { 1f, 2f }));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ring.AddRow(Receptor.Excitatory, slot, new ushort[] { 0, 1 }, 1f));

        for (int s = 0; s < ring.Length; s++)
        {
            Assert.False(ring.IsDense(s));
            Assert.All(ring.Due(s, 0, 4).Excitatory.ToArray(), v => Assert.Equal(0f, v));
            Assert.All(ring.Due(s, 0, 4).Inhibitory.ToArray(), v => Assert.Equal(0f, v));
        }
    }

    [Fact]
    public void AddRow_FewerWeightsThanPosts_ThrowsBeforeAddingAnything()
    {
        var ring = new DeliveryRing<float>(8, 0);

        Assert.Throws<ArgumentException>(
            () => ring.AddRow(Receptor.Excitatory, 0, new[] { 1, 2, 3 }, new[] { 1f, 2f }));

        // Nothing was added: every cell is still zero and the (sparse) slot lists nothing to consume.
        var target = new float[8];
        ring.ConsumeSparse(0, target, new float[8]);
        Assert.All(ring.Due(0, 0, 8).Excitatory.ToArray(), v => Assert.Equal(0f, v));
        Assert.All(target, v => Assert.Equal(0f, v));
    }
}
