using System.Text.Encodings.Web;
using System.Text.Json;
using Spark.Core.IO;

namespace Spark.Core.Rollouts;

/// <summary>
/// Writes a rollout batch as JSON for inspection and reports (schema <c>spark.rollout-trees/1</c>, documented in
/// docs/rollouts.md). Token ids and log-probs are left out; only their counts are written.
/// </summary>
public static class RolloutTreeJson
{
    public const string Schema = "spark.rollout-trees/1";

    static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    static readonly JsonSerializerOptions AccountingOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Writes <paramref name="batch"/> to <paramref name="path"/> atomically (a reader sees the old file or the new one).</summary>
    public static void Write(string path, RolloutBatch batch) => AtomicFile.Write(path, stream => Write(stream, batch));

    public static string Serialize(RolloutBatch batch)
    {
        using var stream = new MemoryStream();
        Write(stream, batch);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Stream stream, RolloutBatch batch)
    {
        using var w = new Utf8JsonWriter(stream, WriterOptions);
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteString("strategy", batch.Strategy);
        w.WriteStartObject("budget");
        w.WriteNumber("roots", batch.Budget.Roots);
        w.WriteNumber("leaves", batch.Budget.Leaves);
        w.WriteNumber("factor", batch.Budget.Factor);
        if (batch.Budget.FirstStep > 0) w.WriteNumber("firstStep", batch.Budget.FirstStep);
        w.WriteEndObject();
        w.WriteNumber("seed", batch.Seed);
        w.WriteNumber("iteration", batch.Iteration);
        w.WritePropertyName("accounting");
        JsonSerializer.Serialize(w, batch.Accounting, AccountingOptions);
        w.WriteStartArray("tasks");
        foreach (var tree in batch.Trees) WriteTree(w, tree);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void WriteTree(Utf8JsonWriter w, RolloutTree tree)
    {
        var leafByNode = tree.Leaves.ToDictionary(l => l.LastNodeId);
        w.WriteStartObject();
        w.WriteString("task", tree.Task.Id);
        w.WriteString("taskType", tree.Task.TaskType);
        w.WriteString("goal", tree.Task.Goal);
        w.WriteString("initialObservation", tree.InitialObservation);
        w.WriteNumber("replaySteps", tree.ReplaySteps);
        w.WriteStartArray("nodes");
        foreach (var n in tree.Nodes)
        {
            w.WriteStartObject();
            w.WriteNumber("id", n.Id);
            if (n.IsRoot) w.WriteNull("parent"); else w.WriteNumber("parent", n.ParentId);
            w.WriteNumber("step", n.Step);
            w.WriteNumber("slot", n.Slot);
            w.WriteString("action", n.Decision.Action);
            w.WriteString("response", n.Decision.ResponseText);
            w.WriteBoolean("explore", n.Explore);
            w.WriteBoolean("valid", n.Decision.Valid);
            w.WriteString("observation", n.Result.Observation);
            w.WriteBoolean("accepted", n.Result.ActionAccepted);
            w.WriteBoolean("done", n.Result.Done);
            w.WriteNumber("promptTokens", n.Decision.PromptIds.Length);
            w.WriteNumber("responseTokens", n.Decision.ResponseIds.Length);
            if (leafByNode.TryGetValue(n.Id, out var leaf))
            {
                w.WriteStartObject("leaf");
                w.WriteNumber("slot", leaf.Slot);
                w.WriteNumber("reward", leaf.Reward);
                w.WriteBoolean("won", leaf.Won);
                w.WriteBoolean("truncated", leaf.Truncated);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("leaves");
        foreach (var l in tree.Leaves)
        {
            w.WriteStartObject();
            w.WriteNumber("slot", l.Slot);
            w.WriteStartArray("path");
            foreach (int id in l.Path) w.WriteNumberValue(id);
            w.WriteEndArray();
            w.WriteNumber("reward", l.Reward);
            w.WriteBoolean("won", l.Won);
            w.WriteBoolean("truncated", l.Truncated);
            w.WriteNumber("score", l.Score);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("branches");
        foreach (var b in tree.Branches)
        {
            w.WriteStartObject();
            w.WriteNumber("node", b.NodeId);
            w.WriteNumber("step", b.Step);
            w.WriteNumber("parentSlot", b.ParentSlot);
            w.WriteStartArray("childSlots");
            foreach (int c in b.ChildSlots) w.WriteNumberValue(c);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
