using System.Text;
using NeuroSim.Core.Network;
using Xunit.Abstractions;

namespace NeuroSim.Tests.Core.Network;

/// <summary>
/// Randomly edited network files (fixed seeds): each must load or fail with
/// <see cref="NetworkValidationException"/> whose message names the file; no other exception type.
/// </summary>
public sealed class NetworkFileFuzzTests(ITestOutputHelper output)
{
    private const string Structural = "{}[]\",:0123456789.-+eE \n/*tfn";

    [Fact]
    public void LoadFromText_RandomByteEdits_LoadOrNetworkValidationException()
    {
        string[] files = Directory.GetFiles(Path.Combine(NetworkTexts.RepoRoot, "networks"), "*.json");
        Assert.NotEmpty(files);
        var random = new Random(4242);
        int cases = 0, loaded = 0;
        var failures = new List<string>();
        foreach (string file in files)
        {
            byte[] original = File.ReadAllBytes(file);
            for (int i = 0; i < 600; i++)
            {
                byte[] mutated = Mutate(original, random);
                string name = $"{Path.GetFileName(file)}#{i}";
                try
                {
                    NetworkLoader.LoadFromText(Encoding.UTF8.GetString(mutated), name);
                    loaded++;
                }
                catch (NetworkValidationException ex)
                {
                    if (!ex.Message.Contains(name, StringComparison.Ordinal) || ex.Errors.Count == 0)
                    {
                        failures.Add($"{name}: message does not name the file: {ex.Message}");
                    }
                }
                catch (Exception ex)
                {
                    failures.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
                }

                cases++;
            }
        }

        output.WriteLine($"mutated network files: {cases}, {loaded} loaded, {cases - loaded - failures.Count} " +
            $"rejected with NetworkValidationException, {failures.Count} other");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
        Assert.True(cases - loaded > cases / 3, $"only {cases - loaded} of {cases} rejected");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)Structural[random.Next(Structural.Length)];
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.Insert(at, (byte)Structural[random.Next(Structural.Length)]);
                    break;
                default:
                    int length = Math.Min(bytes.Count - at, 1 + random.Next(40));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
