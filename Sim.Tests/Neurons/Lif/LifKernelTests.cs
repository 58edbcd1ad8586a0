using NeuroSim.Core.Engine;
using NeuroSim.Core.Random;
using NeuroSim.Neurons.Lif;

namespace NeuroSim.Tests.Neurons.Lif;

public class LifKernelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    public void Step_VectorAndScalarPaths_AgreeBitForBit(int length)
    {
        AgreeBitForBit(length, perNeuronDrive: true);
        AgreeBitForBit(length, perNeuronDrive: false);
    }

    private static void AgreeBitForBit(int length, bool perNeuronDrive)
    {
        var p = new LifParameters(20, 250, -49, -50, -60, 0.3, 5, 10);
        var factors = LifKernel.Factors.From(p, LifPropagator.For(p, 0.1), -47f);
        var a = RandomState(length, seed: 3);
        var b = RandomState(length, seed: 3);
        var spikesA = new SpikeBuffer(length);
        var spikesB = new SpikeBuffer(length);

        for (int step = 0; step < 50; step++)
        {
            spikesA.Clear();
            spikesB.Clear();
            a.AddInput(step);
            b.AddInput(step);
            LifKernel.Step(factors, a.Block(perNeuronDrive), step, 5, spikesA, allowVectors: true);
            LifKernel.Step(factors, b.Block(perNeuronDrive), step, 5, spikesB, allowVectors: false);

            Assert.Equal(spikesB.Indices.ToArray(), spikesA.Indices.ToArray());
        }

        Assert.Equal(b.V, a.V);
        Assert.Equal(b.Ge, a.Ge);
        Assert.Equal(b.Gi, a.Gi);
        Assert.Equal(b.IntegratesFrom, a.IntegratesFrom);
    }

    private static KernelState RandomState(int n, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var s = new KernelState(n);
        for (int i = 0; i < n; i++)
        {
            s.V[i] = (float)rng.NextUniform(-60, -49.5);
            s.Ge[i] = (float)rng.NextUniform(0, 3);
            s.Gi[i] = (float)rng.NextUniform(-3, 0);
            s.IntegratesFrom[i] = (int)(rng.NextUInt64() % 4);
            s.VInf[i] = (float)rng.NextUniform(-49, -45);
            s.InE[i] = (float)rng.NextUniform(0, 0.4);
            s.InI[i] = (float)rng.NextUniform(-0.4, 0);
        }

        return s;
    }

    private sealed class KernelState(int n)
    {
        public float[] V { get; } = new float[n];

        public float[] Ge { get; } = new float[n];

        public float[] Gi { get; } = new float[n];

        public int[] IntegratesFrom { get; } = new int[n];

        public float[] VInf { get; } = new float[n];

        public float[] InE { get; } = new float[n];

        public float[] InI { get; } = new float[n];

        public LifKernel.Block Block(bool perNeuronDrive) =>
            new(V, Ge, Gi, IntegratesFrom, perNeuronDrive ? VInf : default);

        /// <summary>A fixed pattern of input every step, so neurons keep firing and holding.</summary>
        public void AddInput(int step)
        {
            for (int i = 0; i < V.Length; i++)
            {
                Ge[i] += InE[(i + step) % V.Length];
                Gi[i] += InI[(i + 3 * step) % V.Length];
            }
        }
    }
}
