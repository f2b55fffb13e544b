using Spark.Environments.WebShop;

namespace Spark.Environments.Tests.WebShop;

/// <summary>Python behaviours WebShop's output depends on; expected values were printed by CPython 3.11.</summary>
public class PythonCompatibilityTests
{
    [Fact]
    public void Mersenne_twister_matches_cpython()
    {
        var r = new PythonRandom(233);
        Assert.Equal([2931216007u, 3446561803u, 2698614761u], new[] { r.GetRandBits(32), r.GetRandBits(32), r.GetRandBits(32) });
        r = new PythonRandom(233);
        Assert.Equal(0.6824769139473528, r.NextDouble());
        Assert.Equal(0.6283202109809801, r.NextDouble());
        Assert.Equal(1619264890u, new PythonRandom(123456789012).GetRandBits(32));
    }

    [Fact]
    public void Shuffle_sample_and_uniform_match_cpython()
    {
        var list = Enumerable.Range(0, 20).ToList();
        new PythonRandom(233).Shuffle(list);
        Assert.Equal([17, 18, 9, 2, 8, 19, 11, 10, 12, 0, 3, 4, 14, 13, 1, 6, 15, 7, 16, 5], list);
        var r = new PythonRandom(7);
        Assert.Equal([30.0, 10.0], r.Sample([10.0, 20.0, 30.0, 40.0], 2));
        Assert.Equal(5.770235104433247, r.Uniform(3.5, 9.25));
    }

    [Theory]
    [InlineData(100.0, "100.0")]
    [InlineData(24.49, "24.49")]
    [InlineData(877.80, "877.8")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(2.0 / 3, "0.6666666666666666")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(0.0, "0.0")]
    [InlineData(-2.5, "-2.5")]
    public void Float_repr_matches_python(double value, string repr) => Assert.Equal(repr, PythonText.FloatRepr(value));

    [Fact]
    public void Prices_parse_as_load_products_does()
    {
        Assert.Equal("$100.0", Pricing.Parse("").Tag);
        Assert.Equal([100.0], Pricing.Parse(null).Prices);
        Assert.Equal("$877.8", Pricing.Parse("$877.80").Tag);
        Assert.Equal("$1299.0", Pricing.Parse("$1,299.00").Tag);
        var (prices, tag) = Pricing.Parse("$10.99$15.99$20.00");
        Assert.Equal([10.99, 15.99], prices);
        Assert.Equal("$10.99 to $15.99", tag);
        Assert.Throws<InvalidDataException>(() => Pricing.Parse("$"));
    }

    [Fact]
    public void Goal_price_bound_is_the_larger_of_two_of_the_next_four_tens()
    {
        var r = new PythonRandom(7);
        for (int i = 0; i < 50; i++)
        {
            var (upper, clause) = Pricing.GoalBound(24.49, r);
            Assert.Contains(upper, new[] { 40.0, 50.0, 60.0 });
            Assert.Equal($", and price lower than {upper:0.00} dollars", clause);
        }
        Assert.Equal((1_000_000.0, ""), Pricing.GoalBound(985.0, r));
    }

    [Fact]
    public void Json_and_strip_match_flask_and_python()
    {
        Assert.Equal("{\"a\": \"x\\u003cy\\u003e \\u0026 \\u0027\\\"\", \"b\": \"caf\\u00e9\"}",
            PythonText.ToJson([new("b", "café"), new("a", "x<y> & '\"")]));
        Assert.Equal("{}", PythonText.ToJson([]));
        Assert.Equal("a b", PythonText.Strip("\u00a0\t a b \x1f\n"));
    }
}
