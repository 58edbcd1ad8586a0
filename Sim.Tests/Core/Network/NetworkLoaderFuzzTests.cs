using NeuroSim.Core.Network;

namespace NeuroSim.Tests.Core.Network;

/// <summary>
/// Mutated network files must load or give a <see cref="NetworkValidationException"/>; never anything else.
/// </summary>
public class NetworkLoaderFuzzTests
{
    private static readonly string[] Fragments =
    [
        "\"", "{", "}", "[", "]", ",", ":", "-", "0", "1e999", "-1e999", "1e-320", "null", "true", "\"ms\"",
        "\"x\"", "\"1 mV\"", "\"-5 ms\"", "9999999999999", "0.5", "\"lif\"", "\"kind\"", "//", "/*", "\\u0000",
        "\"size\": 0", "\"p\": 2", "[[0, 1]]", "{\"normal\": [1, 2]}", "{\"uniform\": [\"2 mV\", \"1 mV\"]}",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void LoadFromText_RandomMutations_OnlyValidationErrors(int seed)
    {
        string[] bases =
        [
            NetworkTexts.Minimal,
            File.ReadAllText(Path.Combine(NetworkTexts.RepoRoot, "networks", "cuba.json")),
            File.ReadAllText(Path.Combine(NetworkTexts.RepoRoot, "networks", "poisson-driven.json")),
        ];
        var random = new Random(seed);
        int valid = 0, invalid = 0;
        for (int i = 0; i < 1500; i++)
        {
            string text = Mutate(bases[i % bases.Length], random, 1 + random.Next(4));
            try
            {
                NetworkLoader.LoadFromText(text, "fuzz.json");
                valid++;
            }
            catch (NetworkValidationException ex)
            {
                Assert.NotEmpty(ex.Errors);
                Assert.All(ex.Errors, e => Assert.StartsWith("fuzz.json", e.ToString()));
                invalid++;
            }
        }

        Assert.True(invalid > 0 && valid + invalid == 1500);
    }

    private static string Mutate(string text, Random random, int edits)
    {
        var chars = new System.Text.StringBuilder(text);
        for (int e = 0; e < edits && chars.Length > 0; e++)
        {
            int at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0:
                    chars.Remove(at, Math.Min(1 + random.Next(8), chars.Length - at));
                    break;
                case 1:
                    chars.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    chars[at] = (char)random.Next(32, 127);
                    break;
                default:
                    int length = Math.Min(random.Next(1, 40), chars.Length - at);
                    string piece = chars.ToString(at, length);
                    chars.Insert(random.Next(chars.Length), piece);
                    break;
            }
        }

        return chars.ToString();
    }

    [Theory]
    [InlineData("\"p\": 0.5", "\"p\": 1e999")]
    [InlineData("\"p\": 0.5", "\"p\": -1e999")]
    [InlineData("\"seed\": 5", "\"seed\": 1e999")]
    [InlineData("\"size\": 10", "\"size\": 1e999")]
    [InlineData("\"tau_m\": \"20 ms\"", "\"tau_m\": 1e999")]
    [InlineData("\"tau_m\": \"20 ms\"", "\"tau_m\": \"1e999 ms\"")]
    [InlineData("\"size\": 10", "\"size\": 99999999999999999999999")]
    public void LoadFromText_OverflowingNumber_IsValidationError(string find, string replace)
    {
        var ex = NetworkTexts.FailWith(find, replace);

        Assert.NotEmpty(ex.Errors);
    }
}
