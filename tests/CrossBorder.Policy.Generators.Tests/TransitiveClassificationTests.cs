namespace CrossBorder.Policy.Generators.Tests;

public sealed class TransitiveClassificationTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using CrossBorder.Policy;

        namespace Shop;

        public sealed class Customer
        {
            [PersonalInformation] public string? Phone { get; set; }
            [SensitivePersonalInformation(SensitiveCategory.FinancialAccount)] public string? Card { get; set; }
        }

        public sealed class Order
        {
            public Customer? Buyer { get; set; }
            public int Quantity { get; set; }
        }

        public sealed class Batch
        {
            public Dictionary<string, List<Order[]>> Orders { get; } = new();
            public (int, Customer?) Pair;
        }

        public sealed class Pending
        {
            public Task<Batch>? Next { get; set; }
        }

        [Anonymized]
        public sealed class Statistics
        {
            public Customer? Sample { get; set; }
        }

        public sealed class Report
        {
            public Statistics? Stats { get; set; }
            public string? Title { get; set; }
        }

        public sealed class Plain
        {
            public string? Name { get; set; }
            public List<int> Numbers { get; } = new();
        }
        """;

    [Fact]
    public void TypesHoldingClassifiedTypes_AreClassifiedTransitively()
    {
        var compilation = GeneratorHarness.Compile("Shop", null, Source);
        var (_, result, output) = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertCompilesCleanly(output);

        var directory = Core.Manifest.ManifestReader.ReadDataDirectory(RobustnessTests.Json(result, "DataDirectoryJson"));
        var byId = directory.Entries.ToDictionary(static e => e.Id, StringComparer.Ordinal);

        var expectedClasses = new[] { Core.Model.DataClass.PersonalInformation, Core.Model.DataClass.SensitivePersonalInformation };
        Assert.Equal(new[] { "P:Shop.Customer.Card", "P:Shop.Customer.Phone" }, byId["T:Shop.Customer"].InheritedFrom.ToArray());
        Assert.Equal(new[] { "P:Shop.Order.Buyer" }, byId["T:Shop.Order"].InheritedFrom.ToArray());
        Assert.Equal(expectedClasses, byId["T:Shop.Order"].InheritedClasses.ToArray());
        Assert.Equal(new[] { "F:Shop.Batch.Pair", "P:Shop.Batch.Orders" }, byId["T:Shop.Batch"].InheritedFrom.ToArray());
        Assert.Equal(expectedClasses, byId["T:Shop.Pending"].InheritedClasses.ToArray());

        // An anonymized type that holds personal information records it (a contradiction the analyzers report), but it
        // stops the propagation: a type that holds only the anonymized type carries nothing.
        Assert.Equal(expectedClasses, byId["T:Shop.Statistics"].InheritedClasses.ToArray());
        Assert.True(byId["T:Shop.Statistics"].Classification.Anonymized);
        Assert.False(byId.ContainsKey("T:Shop.Report"));
        Assert.False(byId.ContainsKey("T:Shop.Plain"));

        // The typed API marks the holders as derived, with the categories they carry.
        var typed = GeneratorHarness.Sources(result)["Shop.CrossBorderDirectory.g.cs"];
        var pending = typed[typed.IndexOf("id: \"T:Shop.Pending\"", StringComparison.Ordinal)..];
        pending = pending[..pending.IndexOf("\n            ),", StringComparison.Ordinal)];
        Assert.Contains("isDerived: true", pending, StringComparison.Ordinal);
        Assert.Contains("sensitiveCategories: new global::CrossBorder.Policy.SensitiveCategory[] { global::CrossBorder.Policy.SensitiveCategory.FinancialAccount }", pending, StringComparison.Ordinal);
    }

    [Fact]
    public void LongChainsAndCycles_Propagate()
    {
        var source = new System.Text.StringBuilder("using CrossBorder.Policy; namespace Chain;\n");
        source.Append("public sealed class C0 { [ImportantData(\"E-1\")] public string? Secret { get; set; } public C299? Back { get; set; } }\n");
        for (var i = 1; i < 300; i++)
        {
            source.Append($"public sealed class C{i} {{ public System.Collections.Generic.List<C{i - 1}>? Previous {{ get; set; }} }}\n");
        }

        var (_, result, _) = GeneratorHarness.Run(GeneratorHarness.Compile("Chain", null, source.ToString()));

        var directory = Core.Manifest.ManifestReader.ReadDataDirectory(RobustnessTests.Json(result, "DataDirectoryJson"));
        var last = directory.Entries.Single(static e => e.Id == "T:Chain.C299");
        Assert.Equal(new[] { Core.Model.DataClass.ImportantData }, last.InheritedClasses.ToArray());
        Assert.Equal(new[] { "P:Chain.C299.Previous" }, last.InheritedFrom.ToArray());
        var first = directory.Entries.Single(static e => e.Id == "T:Chain.C0");
        Assert.Equal(new[] { "P:Chain.C0.Back", "P:Chain.C0.Secret" }, first.InheritedFrom.ToArray()); // the cycle closes
        Assert.Equal(301, directory.Entries.Count); // 300 types and the classified property
    }

    [Fact]
    public void ApplicationTypes_HoldingLibraryTypes_AreClassified()
    {
        var lib = MultiProjectTests.CompileLibrary("[PersonalInformation] public string? Phone { get; set; }");
        var app = GeneratorHarness.Compile("App", new[] { lib }, "namespace App; public sealed class Order { public Lib.Customer? Customer { get; set; } }");

        var (_, result, _) = GeneratorHarness.Run(app);

        var directory = Core.Manifest.ManifestReader.ReadDataDirectory(RobustnessTests.Json(result, "DataDirectoryJson"));
        var order = directory.Entries.Single(static e => e.Id == "T:App.Order");
        Assert.Equal(new[] { "P:App.Order.Customer" }, order.InheritedFrom.ToArray());
        Assert.Equal("Lib", directory.Entries.Single(static e => e.Id == "T:Lib.Customer").ReferencedAssembly);
    }
}
