using CrossBorder.Policy.Core.Json;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Json;

public sealed class JsonReaderTests
{
    [Fact]
    public void ReadsEveryKindWithPositions()
    {
        var node = (JsonObject)JsonReader.Parse("{\n  \"a\": [1, -2.5e3, true, false, null],\n  \"b\": \"x\\u4e2d\\n\"\n}");

        var a = Assert.IsType<JsonArray>(node["a"]);
        Assert.Equal(new TextPosition(2, 8), a.Position);
        Assert.Equal(new[] { JsonKind.Number, JsonKind.Number, JsonKind.True, JsonKind.False, JsonKind.Null }, a.Items.Select(i => i.Kind));
        Assert.Equal("-2.5e3", ((JsonNumber)a.Items[1]).Text);
        Assert.Equal("x中\n", ((JsonString)node["b"]!).Value);
        Assert.True(node.TryGetProperty("b", out var b));
        Assert.Equal(new TextPosition(3, 3), b.NamePosition);
    }

    [Theory]
    [InlineData("", 1, 1, "empty")]
    [InlineData("{\"a\": 1,\n \"a\": 2}", 2, 2, "duplicate property 'a'")]
    [InlineData("{\"a\" 1}", 1, 6, "expected ':'")]
    [InlineData("[1, 2", 1, 6, "unexpected end")]
    [InlineData("{\"a\": tru}", 1, 7, "expected a JSON value")]
    [InlineData("{\"a\": 01}", 1, 7, "invalid number")]
    [InlineData("\"abc", 1, 1, "unterminated string")]
    [InlineData("{} x", 1, 4, "after the end")]
    [InlineData("// c\n{}", 1, 1, "comments are not allowed")]
    [InlineData("{\"a\": \"\\q\"}", 1, 8, "invalid escape")]
    [InlineData("{a: 1}", 1, 2, "expected a property name")]
    public void ReportsErrorsWithTheirPosition(string text, int line, int column, string fragment)
    {
        var error = Assert.Throws<JsonReadException>(() => JsonReader.Parse(text));
        Assert.Equal(new TextPosition(line, column), error.Position);
        Assert.Contains(fragment, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsCommentsWhenAllowed()
    {
        var node = (JsonObject)JsonReader.Parse("// head\n{ /* a\n b */ \"a\": 1 // tail\n}", JsonReaderOptions.WithComments);
        Assert.Equal(new TextPosition(3, 7), node.Properties[0].NamePosition);
    }

    [Fact]
    public void RejectsExcessiveNesting()
    {
        var text = new string('[', 100) + new string(']', 100);
        var error = Assert.Throws<JsonReadException>(() => JsonReader.Parse(text));
        Assert.Contains("deeper than 64", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WriterRoundTripsAndIsCanonical()
    {
        const string text = "{\"b\":[1,{\"c\":\"\\u0001\\\"中\"}],\"a\":{},\"d\":[]}";
        var written = JsonWriter.Write(JsonReader.Parse(text));
        Assert.Equal("{\n  \"b\": [\n    1,\n    {\n      \"c\": \"\\u0001\\\"中\"\n    }\n  ],\n  \"a\": {},\n  \"d\": []\n}\n", written);
        Assert.Equal(written, JsonWriter.Write(JsonReader.Parse(written)));
    }

    [Fact]
    public void WriterEscapesLoneSurrogates()
    {
        Assert.Equal("\"a\\ud800b😀\"", JsonWriter.Quote("a\ud800b😀"));
    }
}
