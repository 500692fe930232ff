using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Manifest;

public sealed class EquatableArrayTests
{
    [Fact]
    public void ComparesByValueAndOrder()
    {
        var a = EquatableArray.Create("x", "y");
        var b = EquatableArray.From(new List<string> { "x", "y" });
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, EquatableArray.Create("y", "x"));
        Assert.NotEqual(a, EquatableArray.Create("x"));
    }

    [Fact]
    public void DefaultIsEmpty()
    {
        EquatableArray<DataClass> none = default;
        Assert.Equal(EquatableArray<DataClass>.Empty, none);
        Assert.Equal(EquatableArray.Create<DataClass>(), none);
        Assert.Equal(EquatableArray.Create<DataClass>().GetHashCode(), none.GetHashCode());
        Assert.True(none.IsEmpty);
        Assert.Empty(none);
        Assert.Empty(none.ToArray());
    }

    [Fact]
    public void CopiesItsInput()
    {
        var source = new[] { "a", "b" };
        var array = new EquatableArray<string>(source);
        source[0] = "z";
        Assert.Equal("a", array[0]);
        array.ToArray()[1] = "z";
        Assert.Equal("b", array[1]);
    }

    [Fact]
    public void RecordsHoldingArraysCompareByValue()
    {
        var left = new DirectoryEntry("T:A", "A", DirectoryEntryKind.Type) { InheritedFrom = EquatableArray.Create("P:A.B") };
        var right = new DirectoryEntry("T:A", "A", DirectoryEntryKind.Type) { InheritedFrom = EquatableArray.Create("P:A.B") };
        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, right with { InheritedFrom = EquatableArray.Create("P:A.C") });
        Assert.Equal(ManifestSamples.Directory(), ManifestSamples.Directory());
        Assert.Equal(ManifestSamples.Manifest().GetHashCode(), ManifestSamples.Manifest().GetHashCode());
    }
}
