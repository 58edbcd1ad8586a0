using NeuroSim.Core.Random;

// Namespace NeuroSim.Tests.Core, not ...Core.Random: a Random namespace would hide System.Random in sibling tests.
namespace NeuroSim.Tests.Core;

public class Xoshiro256StarStarTests
{
    [Fact]
    public void SetState_FromGetState_ContinuesTheSameSequence()
    {
        var original = new Xoshiro256StarStar(42);
        for (int i = 0; i < 10; i++)
        {
            original.NextUInt64();
        }

        var copy = new Xoshiro256StarStar(0);
        copy.SetState(original.GetState());

        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(original.NextUInt64(), copy.NextUInt64());
        }
    }

    [Fact]
    public void NextDouble_ManyDraws_MeanNearHalfAndInUnitInterval()
    {
        // 100,000 uniform draws: the mean's standard error is 1/sqrt(12 n) ≈ 0.0009; allow 5 of them.
        var rng = new Xoshiro256StarStar(7);
        double sum = 0;
        for (int i = 0; i < 100_000; i++)
        {
            double u = rng.NextDouble();
            Assert.InRange(u, 0.0, 1.0 - 1e-17);
            sum += u;
        }

        Assert.InRange(sum / 100_000, 0.5 - 0.0046, 0.5 + 0.0046);
    }

    [Fact]
    public void SetState_WrongLength_NamesTheCount()
    {
        var rng = new Xoshiro256StarStar(1);

        var ex = Assert.Throws<ArgumentException>(() => rng.SetState([1UL, 2UL]));

        Assert.Contains("got 2", ex.Message);
    }
}
