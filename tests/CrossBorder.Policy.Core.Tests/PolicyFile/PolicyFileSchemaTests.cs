using System.Text.RegularExpressions;
using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.PolicyFile;
using CrossBorder.Policy.Core.Regulation;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.PolicyFile;

/// <summary>The schema and the parser agree, the samples follow the schema, and the file mirrors the attributes.</summary>
public sealed class PolicyFileSchemaTests
{
    private static readonly Lazy<JsonObject> Schema = new(() => (JsonObject)JsonReader.Parse(RepositoryFiles.Read("schema/crossborder.schema.json")));

    private static MiniSchemaValidator Validator => new(Schema.Value);

    /// <summary>Walks the schema: section path (as in <see cref="PolicyFileSections"/>) to the resolved object schema.</summary>
    private static Dictionary<string, JsonObject> SchemaSections()
    {
        var sections = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        Walk(Schema.Value, string.Empty, sections);
        return sections;
    }

    private static void Walk(JsonObject schema, string path, Dictionary<string, JsonObject> sections)
    {
        schema = Validator.Resolve(schema);
        if (schema["type"] is JsonString { Value: "array" } && schema["items"] is JsonObject items)
        {
            Walk(items, path + "[]", sections);
            return;
        }

        if (schema["type"] is not JsonString { Value: "object" })
        {
            return;
        }

        sections.Add(path, schema);
        foreach (var property in ((JsonObject)schema["properties"]!).Properties)
        {
            Walk((JsonObject)property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, sections);
        }
    }

    [Fact]
    public void SchemaAndParserKnowTheSameSectionsAndProperties()
    {
        var sections = SchemaSections();
        Assert.Equal(PolicyFileSections.Properties.Keys.OrderBy(k => k, StringComparer.Ordinal), sections.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (path, schema) in sections)
        {
            var schemaNames = ((JsonObject)schema["properties"]!).Properties.Select(p => p.Name);
            Assert.Equal(PolicyFileSections.Properties[path].OrderBy(n => n, StringComparer.Ordinal), schemaNames.OrderBy(n => n, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void EveryObjectForbidsAdditionalPropertiesAndEveryPropertyIsDescribed()
    {
        foreach (var (path, schema) in SchemaSections())
        {
            Assert.True(schema["additionalProperties"]?.Kind == JsonKind.False, $"'{path}' must set additionalProperties: false");
            foreach (var property in ((JsonObject)schema["properties"]!).Properties)
            {
                var description = ((JsonObject)property.Value)["description"] as JsonString;
                Assert.True(description is { Value.Length: > 10 }, $"'{path}.{property.Name}' has no description");
            }
        }
    }

    [Fact]
    public void SchemaIsDraft202012()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", ((JsonString)Schema.Value["$schema"]!).Value);
    }

    [Fact]
    public void SchemaEnumsMatchTheModelEnums()
    {
        var sections = SchemaSections();
        string[] EnumOf(string section, string property) =>
            ((JsonArray)Validator.Resolve((JsonObject)((JsonObject)sections[section]["properties"]!)[property]!)["enum"]!).Items.Cast<JsonString>().Select(s => s.Value).ToArray();

        Assert.Equal(Enum.GetNames<Core.Model.TransferMechanism>(), EnumOf(PolicyFileSections.Transfer, "mechanism"));
        Assert.Equal(Enum.GetNames<Core.Model.ExemptionBasis>(), EnumOf(PolicyFileSections.Transfer, "exemption"));
        Assert.Equal(Enum.GetNames<NegativeListDataKind>(), EnumOf(PolicyFileSections.NegativeListEntry, "dataKind"));
        Assert.Equal(new[] { "SecurityAssessment", "StandardContract", "Certification" }, EnumOf(PolicyFileSections.NegativeListEntry, "mechanism"));
    }

    [Fact]
    public void RequiredPropertiesInTheSchemaAreRequiredByTheParser()
    {
        foreach (var (path, schema) in SchemaSections())
        {
            if (schema["required"] is not JsonArray required)
            {
                continue;
            }

            foreach (var name in required.Items.Cast<JsonString>().Select(s => s.Value))
            {
                // An object of this section holding only the other required properties must be reported as missing this one.
                var text = MinimalDocumentMissing(path, name);
                var result = PolicyFileParser.Parse(text, "p.json");
                Assert.Contains(result.Diagnostics, d => d.Id == PolicyDiagnosticIds.MissingRequiredProperty && d.Message.Contains("'" + name + "'", StringComparison.Ordinal));
            }
        }
    }

    private static string MinimalDocumentMissing(string section, string missing)
    {
        string Obj(string sectionPath, params string[] props)
        {
            var all = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["endpoints[]:host"] = "\"host\": \"a.example.sg\"",
                ["transfers[]:id"] = "\"id\": \"t\"",
                ["transfers[]:mechanism"] = "\"mechanism\": \"Certification\"",
                ["catalogs[]:id"] = "\"id\": \"c\"",
                ["catalogs[]:name"] = "\"name\": \"n\"",
                ["catalogs[].entries[]:id"] = "\"id\": \"e\"",
                ["catalogs[].entries[]:name"] = "\"name\": \"n\"",
                ["negativeLists[]:zone"] = "\"zone\": \"z\"",
                ["negativeLists[]:edition"] = "\"edition\": \"1\"",
                ["negativeLists[].entries[]:id"] = "\"id\": \"e\"",
                ["negativeLists[].entries[]:dataKind"] = "\"dataKind\": \"ImportantData\"",
                [":version"] = "\"version\": 1",
            };
            var parts = all.Where(kv => kv.Key.StartsWith(sectionPath + ":", StringComparison.Ordinal) && kv.Key != sectionPath + ":" + (sectionPath == section ? missing : "\u0000"))
                .Select(kv => kv.Value)
                .Concat(props);
            return "{ " + string.Join(", ", parts) + " }";
        }

        return section switch
        {
            "" => Obj(string.Empty),
            "endpoints[]" => Obj(string.Empty, "\"endpoints\": [" + Obj("endpoints[]", "\"jurisdiction\": \"SG\"") + "]"),
            "transfers[]" => Obj(string.Empty, "\"transfers\": [" + Obj("transfers[]", "\"reference\": \"R\"") + "]"),
            "catalogs[]" => Obj(string.Empty, "\"catalogs\": [" + Obj("catalogs[]") + "]"),
            "catalogs[].entries[]" => Obj(string.Empty, "\"catalogs\": [" + Obj("catalogs[]", "\"entries\": [" + Obj("catalogs[].entries[]") + "]") + "]"),
            "negativeLists[]" => Obj(string.Empty, "\"negativeLists\": [" + Obj("negativeLists[]") + "]"),
            "negativeLists[].entries[]" => Obj(string.Empty, "\"negativeLists\": [" + Obj("negativeLists[]", "\"entries\": [" + Obj("negativeLists[].entries[]") + "]") + "]"),
            _ => throw new InvalidOperationException("No minimal document for section " + section),
        };
    }

    public static TheoryData<string> Samples() => new(RepositoryFiles.SamplePolicies());

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySampleValidatesAgainstTheSchema(string sample)
    {
        var document = JsonReader.Parse(RepositoryFiles.Read(sample), JsonReaderOptions.WithComments);
        Assert.Empty(Validator.Validate(document));
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"extra\": 1 }", "additional property 'extra'")]
    [InlineData("{ \"version\": 2 }", "not in enum")]
    [InlineData("{ }", "missing required 'version'")]
    [InlineData("{ \"version\": 1, \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"Certification\", \"issuedOn\": \"2025-13-01\" } ] }", "does not match")]
    [InlineData("{ \"version\": 1, \"endpoints\": [ { \"host\": \"a.example.sg\" } ] }", "anyOf")]
    [InlineData("{ \"version\": 1, \"defaults\": { \"expiryWarningDays\": 5000 } }", "above maximum")]
    [InlineData("{ \"version\": 1, \"processor\": { \"criticalInformationInfrastructureOperator\": \"yes\" } }", "expected boolean")]
    public void TheValidatorRejectsWhatTheParserRejects(string text, string fragment)
    {
        Assert.Contains(Validator.Validate(JsonReader.Parse(text)), e => e.Contains(fragment, StringComparison.Ordinal));
        Assert.True(PolicyFileParser.Parse(text, "p.json").HasErrors);
    }

    [Fact]
    public void RegulationSectionHasEveryRegulationOption()
    {
        var expected = typeof(RegulationOptions).GetProperties()
            .Where(p => p.CanWrite)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name.Substring(1))
            .OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(expected, PolicyFileSections.Properties[PolicyFileSections.Regulation].OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("CrossBorderTransferAttribute.cs", "CrossBorderTransferAttribute", PolicyFileSections.Transfer)]
    [InlineData("CrossBorderTransferAttribute.cs", "DataProcessorAttribute", PolicyFileSections.Processor)]
    [InlineData("FlowAttributes.cs", "ForeignEndpointAttribute", PolicyFileSections.Endpoint)]
    [InlineData("FlowAttributes.cs", "DomesticEndpointAttribute", PolicyFileSections.Endpoint)]
    public void TheFileMirrorsEveryAttributeProperty(string file, string attribute, string section)
    {
        // Read the public attribute source (Core does not reference the attribute assembly).
        var source = RepositoryFiles.Read("src/CrossBorder.Policy/" + file);
        var start = source.IndexOf("class " + attribute, StringComparison.Ordinal);
        Assert.True(start >= 0, attribute + " not found");
        var end = source.IndexOf("\n}", start, StringComparison.Ordinal);
        var body = source.Substring(start, end - start);
        var properties = Regex.Matches(body, @"public [\w\[\]?]+ (\w+) \{ get;").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(properties);

        var names = PolicyFileSections.Properties[section];
        foreach (var property in properties)
        {
            var camel = char.ToLowerInvariant(property[0]) + property.Substring(1);
            Assert.True(names.Contains(camel), $"{attribute}.{property} has no '{camel}' in {section}");
        }
    }
}
