using Spark.Models.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Spark.Models.Tests.Runtime;

public sealed class ScalarOpsTests
{
    [Fact]
    public void Arithmetic_with_a_number_still_works_after_a_dispose_scope_used_the_same_number()
    {
        TorchRuntime.EnsureLoadable();
        var a = ones(3);
        using (NewDisposeScope()) { _ = ScalarOps.Add(a, 1e-6); _ = a + 1e-6; }
        var s1 = (1e-6).ToScalar();
        var s2 = (1e-6).ToScalar();
        Assert.False(ReferenceEquals(s1, s2), "ToScalar returned a shared instance");
        Assert.Equal(1f + 1e-6f, ScalarOps.Add(a, 1e-6)[0].item<float>(), 6);
        Assert.Equal(1f + 1e-6f, (a + 1e-6)[0].item<float>(), 6);
    }
}
