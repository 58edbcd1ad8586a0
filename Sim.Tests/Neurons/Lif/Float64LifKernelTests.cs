using NeuroSim.Core.Engine;
using NeuroSim.Core.Random;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Tests.Neurons.Lif;

public class Float64LifKernelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    public void Step_VectorAndScalarPaths_AgreeBitForBit(int length)
    {
        // Vector widths are 4 (256-bit) and 8 (512-bit) doubles: lengths 0, 1 and width ± 1 cover the tails.
        foreach (bool perNeuronDrive in new[] { true, false })
        {
            foreach (bool due in new[] { true, false })
            {
                foreach (int start in new[] { 0, 3 })
                {
                    AgreeBitForBit(length, perNeuronDrive, due, start);
                }
            }
        }
    }

    // Runs the vector path and the scalar twin on the same state, the block being [start, start + length) of
    // larger arrays (a sub-span), with jumps due in the kernel or not.
    private static void AgreeBitForBit(int length, bool perNeuronDrive, bool due, int start)
    {
        var p = new LifParameters(20, 250, -49, -50, -60, 0.3, 5, 10);
        var factors = Float64LifKernel.Factors.From(p, 3, 0.1, -47f);
        var a = RandomState(start + length + 2, seed: 3);
        var b = RandomState(start + length + 2, seed: 3);
        var spikesA = new SpikeBuffer(length);
        var spikesB = new SpikeBuffer(length);

        for (int step = 0; step < 50; step++)
        {
            spikesA.Clear();
            spikesB.Clear();
            a.AddInput(step, due);
            b.AddInput(step, due);
            Float64LifKernel.Step(factors, a.Block(perNeuronDrive, due, start, length), step, 5, spikesA,
                allowVectors: true);
            Float64LifKernel.Step(factors, b.Block(perNeuronDrive, due, start, length), step, 5, spikesB,
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

    private static KernelState RandomState(int n, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var s = new KernelState(n);
        for (int i = 0; i < n; i++)
        {
            s.V[i] = rng.NextUniform(-60, -49.5);
            s.Ge[i] = rng.NextUniform(0, 3);
            s.Gi[i] = rng.NextUniform(-3, 0);
            s.IntegratesFrom[i] = (int)(rng.NextUInt64() % 4);
            s.VInf[i] = rng.NextUniform(-49, -45);
            s.InE[i] = rng.NextUniform(0, 0.4);
            s.InI[i] = rng.NextUniform(-0.4, 0);
        }

        return s;
    }

    private sealed class KernelState(int n)
    {
        public double[] V { get; } = new double[n];

        public double[] Ge { get; } = new double[n];

        public double[] Gi { get; } = new double[n];

        public int[] IntegratesFrom { get; } = new int[n];

        public double[] VInf { get; } = new double[n];

        public double[] InE { get; } = new double[n];

        public double[] InI { get; } = new double[n];

        public double[] JumpE { get; } = new double[n];

        public double[] JumpI { get; } = new double[n];

        public Float64LifKernel.Block Block(bool perNeuronDrive, bool due, int start, int length) => new(
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
