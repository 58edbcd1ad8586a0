using System.Numerics;
using NeuroSim.Core.Engine;
using NeuroSim.Core.Random;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Tests.Neurons.Lif;

public class LifKernelTests
{
    public static TheoryData<int, bool> Lengths()
    {
        // Vector widths are 8 and 16 floats, 4 and 8 doubles: lengths 0, 1 and width ± 1 cover every tail.
        var data = new TheoryData<int, bool>();
        foreach (int length in new[] { 0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100 })
        {
            data.Add(length, false);
            data.Add(length, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Step_VectorAndScalarPaths_AgreeBitForBit(int length, bool float64)
    {
        foreach (bool perNeuronDrive in new[] { true, false })
        {
            foreach (bool due in new[] { true, false })
            {
                foreach (int start in new[] { 0, 3 })
                {
                    if (float64)
                    {
                        AgreeBitForBit(
                            length, perNeuronDrive, due, start, LifKernel<double>.Factors.FromGrid(P, 3, 0.1, -47f));
                    }
                    else
                    {
                        AgreeBitForBit(
                            length, perNeuronDrive, due, start,
                            LifKernel<float>.Factors.From(P, LifPropagator.For(P, 0.1), -47f));
                    }
                }
            }
        }
    }

    private static LifParameters P => new(20, 250, -49, -50, -60, 0.3, 5, 10);

    // Runs the vector path and the scalar twin on the same state, the block being [start, start + length) of
    // larger arrays (a sub-span), with jumps due in the kernel or added to g_e, g_i beforehand.
    private static void AgreeBitForBit<T>(
        int length, bool perNeuronDrive, bool due, int start, LifKernel<T>.Factors factors)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = RandomState<T>(start + length + 2, seed: 3);
        var b = RandomState<T>(start + length + 2, seed: 3);
        var spikesA = new SpikeBuffer(length);
        var spikesB = new SpikeBuffer(length);

        for (int step = 0; step < 50; step++)
        {
            spikesA.Clear();
            spikesB.Clear();
            a.AddInput(step, due);
            b.AddInput(step, due);
            LifKernel<T>.Step(factors, a.Block(perNeuronDrive, due, start, length), step, 5, spikesA,
                allowVectors: true);
            LifKernel<T>.Step(factors, b.Block(perNeuronDrive, due, start, length), step, 5, spikesB,
                allowVectors: false);

            Assert.Equal(spikesB.Indices.ToArray(), spikesA.Indices.ToArray());
        }

        Assert.Equal(b.V, a.V);
        Assert.Equal(b.Ge, a.Ge);
        Assert.Equal(b.Gi, a.Gi);
        Assert.Equal(b.JumpE, a.JumpE);
        Assert.Equal(b.IntegratesFrom, a.IntegratesFrom);
        if (length >= 15)
        {
            Assert.Contains(a.IntegratesFrom, k => k > 3); // some neurons fired: the threshold path ran
        }
    }

    private static KernelState<T> RandomState<T>(int n, ulong seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new SplitMix64(seed);
        var s = new KernelState<T>(n);
        for (int i = 0; i < n; i++)
        {
            s.V[i] = T.CreateTruncating(rng.NextUniform(-60, -49.5));
            s.Ge[i] = T.CreateTruncating(rng.NextUniform(0, 3));
            s.Gi[i] = T.CreateTruncating(rng.NextUniform(-3, 0));
            s.IntegratesFrom[i] = (int)(rng.NextUInt64() % 4);
            s.VInf[i] = T.CreateTruncating(rng.NextUniform(-49, -45));
            s.InE[i] = T.CreateTruncating(rng.NextUniform(0, 0.4));
            s.InI[i] = T.CreateTruncating(rng.NextUniform(-0.4, 0));
        }

        return s;
    }

    private sealed class KernelState<T>(int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public T[] V { get; } = new T[n];

        public T[] Ge { get; } = new T[n];

        public T[] Gi { get; } = new T[n];

        public int[] IntegratesFrom { get; } = new int[n];

        public T[] VInf { get; } = new T[n];

        public T[] InE { get; } = new T[n];

        public T[] InI { get; } = new T[n];

        public T[] JumpE { get; } = new T[n];

        public T[] JumpI { get; } = new T[n];

        public LifKernel<T>.Block Block(bool perNeuronDrive, bool due, int start, int length) => new(
            V.AsSpan(start, length), Ge.AsSpan(start, length), Gi.AsSpan(start, length),
            IntegratesFrom.AsSpan(start, length), perNeuronDrive ? VInf.AsSpan(start, length) : default,
            due ? JumpE.AsSpan(start, length) : default, due ? JumpI.AsSpan(start, length) : default);

        /// <summary>A fixed pattern of input every step (into the jumps when they are due in the kernel).</summary>
        public void AddInput(int step, bool due)
        {
            var e = due ? JumpE : Ge;
            var i2 = due ? JumpI : Gi;
            for (int i = 0; i < V.Length; i++)
            {
                e[i] += InE[(i + step) % V.Length];
                i2[i] += InI[(i + 3 * step) % V.Length];
            }
        }
    }
}
