using NeuroSim.Core.Network;

namespace NeuroSim.Tests.Core.Network;

public class SpecLineMapTests
{
    private const string Text = """
        {
          // a comment line
          "x": {
            "y": 1,
            "list": [
              [0, 1],
              [2,
               3],
            ],
          },
          "odd key": true
        }
        """;

    [Theory]
    [InlineData("$", 1)]
    [InlineData("$.x", 3)]
    [InlineData("$.x.y", 4)]
    [InlineData("$.x.list", 5)]
    [InlineData("$.x.list[0]", 6)]
    [InlineData("$.x.list[1]", 7)]
    [InlineData("$.x.list[1][1]", 8)]
    [InlineData("$['odd key']", 11)]
    public void LineOf_KnownPath_IsLineWhereItStarts(string path, int line)
    {
        Assert.Equal(line, SpecLineMap.Build(Text).LineOf(path));
    }

    [Fact]
    public void LineOf_MissingChild_FallsBackToNearestAncestor()
    {
        var map = SpecLineMap.Build(Text);

        Assert.Equal(4, map.LineOf("$.x.y.z"));
        Assert.Equal(3, map.LineOf("$.x.missing"));
    }

    [Fact]
    public void Build_DuplicateKey_IsListedWithItsLine()
    {
        var map = SpecLineMap.Build("{\n \"a\": 1,\n \"a\": 2\n}");

        var duplicate = Assert.Single(map.DuplicateKeys);
        Assert.Equal("$.a", duplicate.Path);
        Assert.Equal(3, duplicate.Line);
    }

    [Fact]
    public void Property_OddName_UsesBracketNotation()
    {
        Assert.Equal("$.tau_m", SpecPath.Property("$", "tau_m"));
        Assert.Equal("$['odd key']", SpecPath.Property("$", "odd key"));
        Assert.Equal("$.a[3]", SpecPath.Index("$.a", 3));
    }
}
