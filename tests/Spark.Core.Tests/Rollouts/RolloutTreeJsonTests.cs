using System.Text.Json;
using Spark.Core.Rollouts;

namespace Spark.Core.Tests.Rollouts;

public sealed class RolloutTreeJsonTests
{
    [Fact]
    public void The_file_follows_the_documented_schema()
    {
        string path = Path.Combine(Path.GetTempPath(), $"trees-{Guid.NewGuid():N}.json");
        try
        {
            RolloutTreeJson.Write(path, TreeRolloutEngineTests.RunForkScenario());
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            Assert.Equal("spark.rollout-trees/1", root.GetProperty("schema").GetString());
            Assert.Equal("spark", root.GetProperty("strategy").GetString());
            Assert.Equal(2, root.GetProperty("budget").GetProperty("leaves").GetInt32());
            Assert.Equal(4, root.GetProperty("accounting").GetProperty("chainsEnvironmentSteps").GetInt32());
            var task = root.GetProperty("tasks")[0];
            Assert.Equal("corridor/train/0", task.GetProperty("task").GetString());
            var nodes = task.GetProperty("nodes").EnumerateArray().ToArray();
            Assert.Equal(JsonValueKind.Null, nodes[0].GetProperty("parent").ValueKind);
            Assert.Equal(0, nodes[1].GetProperty("parent").GetInt32());
            Assert.True(nodes[0].GetProperty("explore").GetBoolean());
            Assert.Equal("jump", nodes[2].GetProperty("action").GetString());
            Assert.Contains("<action>jump</action>", nodes[2].GetProperty("response").GetString());
            Assert.True(nodes[2].GetProperty("valid").GetBoolean());
            Assert.False(nodes[0].TryGetProperty("leaf", out _));
            Assert.Equal(10, nodes[1].GetProperty("leaf").GetProperty("reward").GetDouble());
            Assert.Equal(0, nodes[2].GetProperty("leaf").GetProperty("reward").GetDouble());
            Assert.Equal([0, 2], task.GetProperty("leaves")[1].GetProperty("path").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(1, task.GetProperty("branches")[0].GetProperty("childSlots")[0].GetInt32());
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}*"));
        }
        finally { File.Delete(path); }
    }
}
