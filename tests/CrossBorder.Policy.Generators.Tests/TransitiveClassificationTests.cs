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
    public void DerivedTypes_CarryTheImportantDataEvidenceOfTheTypesTheyHold()
    {
        const string source = """
            using CrossBorder.Policy;
            namespace Lab;
            public sealed class Sample { [ImportantData("BIO-001", Catalog = "JS-FTZ-Biomedicine")] public string? Genome { get; set; } }
            [ImportantData("GEO-7")] public sealed class Site { public string? Name { get; set; } }
            public sealed class Study { public Sample? Sample { get; set; } public Site[]? Sites { get; set; } }
            public sealed class Archive { public System.Collections.Generic.List<Study>? Studies { get; set; } }
            """;
        var (_, result, output) = GeneratorHarness.Run(GeneratorHarness.Compile("Lab", null, source));
        GeneratorHarness.AssertCompilesCleanly(output);

        // A derived type is important data in the typed API (IsImportantData is "has evidence") as it is in the
        // manifest's inheritedClasses, with the evidence of every type it holds, however deep.
        var typed = GeneratorHarness.Sources(result)["Lab.CrossBorderDirectory.g.cs"];
        foreach (var id in new[] { "T:Lab.Study", "T:Lab.Archive" })
        {
            var entry = typed[typed.IndexOf($"id: \"{id}\"", StringComparison.Ordinal)..];
            entry = entry[..entry.IndexOf("\n            ),", StringComparison.Ordinal)];
            Assert.Contains("isDerived: true", entry, StringComparison.Ordinal);
            Assert.Contains("new CrossBorderImportantDataEvidence(\"BIO-001\"", entry, StringComparison.Ordinal);
            Assert.Contains("new CrossBorderImportantDataEvidence(\"GEO-7\"", entry, StringComparison.Ordinal);
        }

        var directory = Core.Manifest.ManifestReader.ReadDataDirectory(RobustnessTests.Json(result, "DataDirectoryJson"));
        Assert.Equal(new[] { Core.Model.DataClass.ImportantData }, directory.Entries.Single(static e => e.Id == "T:Lab.Archive").InheritedClasses.ToArray());
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

    /// <summary>
    /// Only the types whose declarations name an interesting type are bound (see Parser.SelectShapeCandidates), so the
    /// names must be matched however they are written: through an alias declared in another file, a global alias, a
    /// qualified or nested name, a generic argument, a partial type's other file, a positional record parameter.
    /// </summary>
    [Fact]
    public void HoldersAreFoundHoweverTheHeldTypeIsWritten()
    {
        const string models = """
            using CrossBorder.Policy;
            namespace Shop.Models
            {
                public sealed class Customer { [PersonalInformation] public string? Phone { get; set; } }
                public static class Outer { public sealed class Card { [SensitivePersonalInformation(SensitiveCategory.FinancialAccount)] public string? Number { get; set; } } }
            }
            namespace Shop.Other
            {
                public sealed class Customer { public string? Nickname { get; set; } }
            }
            """;
        const string holders = """
            global using GlobalCard = Shop.Models.Outer.Card;
            using Buyer = Shop.Models.Customer;
            namespace Shop.App;
            public sealed class ByAlias { public Buyer? Who { get; set; } }
            public sealed class ByQualifiedNestedName { public Shop.Models.Outer.Card? Card; }
            public sealed class ByGenericArgument { public System.Collections.Generic.Dictionary<int, System.Collections.Generic.List<Models.Customer>>? All { get; set; } }
            public sealed record ByRecordParameter(Buyer Who, int Count);
            public sealed partial class ByPartial { public int Count { get; set; } }
            public sealed class ByChain { public ByRecordParameter? Line { get; set; } }
            public sealed class ByOtherNamespaceWithTheSameName { public Shop.Other.Customer? Friend { get; set; } }
            public sealed class NotAHolder { public static Buyer? Shared { get; set; } public void Take(Buyer b) { var c = new ByAlias(); } }
            """;
        const string otherFile = """
            namespace Shop.App;
            public sealed partial class ByPartial { public GlobalCard? Card { get; set; } }
            public sealed class ByGlobalAlias { public GlobalCard[]? Cards { get; set; } }
            """;
        var (_, result, output) = GeneratorHarness.Run(GeneratorHarness.Compile("Shop", null, models, holders, otherFile));
        GeneratorHarness.AssertCompilesCleanly(output);

        var directory = Core.Manifest.ManifestReader.ReadDataDirectory(RobustnessTests.Json(result, "DataDirectoryJson"));
        var byId = directory.Entries.ToDictionary(static e => e.Id, StringComparer.Ordinal);
        Assert.Equal(new[] { "P:Shop.App.ByAlias.Who" }, byId["T:Shop.App.ByAlias"].InheritedFrom.ToArray());
        Assert.Equal(new[] { "F:Shop.App.ByQualifiedNestedName.Card" }, byId["T:Shop.App.ByQualifiedNestedName"].InheritedFrom.ToArray());
        Assert.Equal(new[] { "P:Shop.App.ByGenericArgument.All" }, byId["T:Shop.App.ByGenericArgument"].InheritedFrom.ToArray());
        Assert.Equal(new[] { "P:Shop.App.ByRecordParameter.Who" }, byId["T:Shop.App.ByRecordParameter"].InheritedFrom.ToArray());
        Assert.Equal(new[] { "P:Shop.App.ByPartial.Card" }, byId["T:Shop.App.ByPartial"].InheritedFrom.ToArray());
        Assert.Equal(new[] { "P:Shop.App.ByChain.Line" }, byId["T:Shop.App.ByChain"].InheritedFrom.ToArray());
        Assert.Equal(new[] { "P:Shop.App.ByGlobalAlias.Cards" }, byId["T:Shop.App.ByGlobalAlias"].InheritedFrom.ToArray());

        // A name match is only a candidate: binding decides. Static members and method signatures hold nothing.
        Assert.False(byId.ContainsKey("T:Shop.App.ByOtherNamespaceWithTheSameName"));
        Assert.False(byId.ContainsKey("T:Shop.App.NotAHolder"));
    }

    [Fact]
    public void OnlyTypesThatNameAnInterestingTypeAreBound()
    {
        const string source = """
            using CrossBorder.Policy;
            namespace Shop;
            public sealed class Customer { [PersonalInformation] public string? Phone { get; set; } }
            public sealed class Order { public Customer? Buyer { get; set; } }
            public sealed class Invoice { public Order? Order { get; set; } }
            public sealed class Service { private readonly System.Net.Http.HttpClient _http = new(); public void Send(Customer c) { } }
            public sealed class Plain { public string? Name { get; set; } public Service? Service { get; set; } }
            """;
        var (_, result, _) = GeneratorHarness.Run(GeneratorHarness.Compile("Shop", null, source));

        var candidates = (Core.Manifest.EquatableArray<Model.TypeLocation>)result.TrackedSteps[CrossBorderGenerator.StepNames.TypeShapeCandidates].Single().Outputs.Single().Value;
        Assert.Equal(new[] { "Shop.Invoice", "Shop.Order" }, candidates.Select(static c => c.Key).ToArray());
        var shapes = (Core.Manifest.EquatableArray<Model.TypeShapeModel>)result.TrackedSteps[CrossBorderGenerator.StepNames.TypeShapes].Single().Outputs.Single().Value;
        Assert.Equal(new[] { "T:Shop.Invoice", "T:Shop.Order" }, shapes.Select(static s => s.TypeId).ToArray());
    }
}
