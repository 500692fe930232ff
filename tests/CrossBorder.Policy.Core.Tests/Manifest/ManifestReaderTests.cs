using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Manifest;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.Manifest;

public sealed class ManifestReaderTests
{
    private static readonly string Directory = ManifestWriter.Write(ManifestSamples.Directory());
    private static readonly string Manifest = ManifestWriter.Write(ManifestSamples.Manifest());

    [Theory]
    [InlineData("", 1, 1, "", "invalid JSON: the document is empty")]
    [InlineData("{\"document\": \"crossborder.data-directory\",", 1, 43, "", "invalid JSON")]
    [InlineData("[1, 2]", 1, 1, "$", "not a CrossBorder manifest: the document is a JSON array")]
    [InlineData("\n  \"text\"", 2, 3, "$", "not a CrossBorder manifest: the document is a JSON string")]
    [InlineData("{\n  \"name\": \"my-package\",\n  \"version\": \"1.0.0\"\n}", 1, 1, "$", "not a CrossBorder manifest: the object has no \"document\" property")]
    [InlineData("{\"document\": \"crossborder.policy\"}", 1, 14, "$.document", "not a CrossBorder manifest: \"document\" is 'crossborder.policy'; expected 'crossborder.data-directory'")]
    [InlineData("{\"document\": 7}", 1, 14, "$.document", "\"document\" is 7")]
    [InlineData("{\"document\": \"crossborder.transfer-manifest\", \"schemaVersion\": \"1.0\"}", 1, 14, "$.document", "expected a data directory ('crossborder.data-directory') but this file is a transfer manifest")]
    [InlineData("{\"document\": \"crossborder.data-directory\"}", 1, 1, "$", "missing required property 'schemaVersion'")]
    [InlineData("{\"document\": \"crossborder.data-directory\",\n\"schemaVersion\": \"2.0\"}", 2, 18, "$.schemaVersion", "unsupported schema version '2.0'; this reader supports 1.0 to 1.0")]
    [InlineData("{\"document\": \"crossborder.data-directory\",\n\"schemaVersion\": \"1.1\"}", 2, 18, "$.schemaVersion", "schema version '1.1' is newer than this reader")]
    [InlineData("{\"document\": \"crossborder.data-directory\",\n\"schemaVersion\": \"1\"}", 2, 18, "$.schemaVersion", "schemaVersion '1' is not of the form 'major.minor'")]
    [InlineData("{\"document\": \"crossborder.data-directory\",\n\"schemaVersion\": \"01.0\"}", 2, 18, "$.schemaVersion", "is not of the form 'major.minor'")]
    [InlineData("{\"document\": \"crossborder.data-directory\",\n\"schemaVersion\": 1.0}", 2, 18, "$.schemaVersion", "schemaVersion 1.0 is not of the form")]
    [InlineData("{\"document\": \"crossborder.data-directory\", \"schemaVersion\": \"1.0\"}", 1, 1, "$", "missing required property 'assembly' in a data directory")]
    public void RejectsFilesThatAreNotADataDirectory(string json, int line, int column, string path, string reason)
    {
        var error = Assert.Throws<ManifestReadException>(() => ManifestReader.ReadDataDirectory(json));
        AssertError(error, line, column, path, reason);
    }

    [Fact]
    public void RejectsADataDirectoryReadAsAManifest()
    {
        var error = Assert.Throws<ManifestReadException>(() => ManifestReader.ReadTransferManifest(Directory));
        AssertError(error, 2, 15, "$.document", "expected a transfer manifest ('crossborder.transfer-manifest') but this file is a data directory ('crossborder.data-directory')");
    }

    [Fact]
    public void DetectKindRejectsOtherJson()
    {
        var error = Assert.Throws<ManifestReadException>(() => ManifestReader.DetectKind("{\"document\": \"x\"}"));
        AssertError(error, 1, 14, "$.document", "expected 'crossborder.data-directory' or 'crossborder.transfer-manifest'");
    }

    public static TheoryData<string, string, string, string> DirectoryEdits => new()
    {
        // find, replace with, expected path, expected reason; the error stands where the replacement starts.
        { "\"kind\": \"Property\"", "\"kind\": \"Propety\"", "$.entries[3].kind", "'Propety' is not an entry kind; expected one of Field, Parameter, Property, ReturnValue, Type" },
        { "\"kind\": \"Property\"", "\"kind\": \"property\"", "$.entries[3].kind", "'property' is not an entry kind" },
        { "\"kind\": \"Property\"", "\"kind\": \"1\"", "$.entries[3].kind", "'1' is not an entry kind" },
        { "\"description\": null", "\"descripton\": null", "$.entries[0]", "unknown property 'descripton' in an entry" },
        { "\"notifiedOn\": \"2025-03-18\"", "\"notifiedOn\": \"2025-02-30\"", "$.entries[6].classification.importantData[1].notifiedOn", "'2025-02-30' is not a date of the form yyyy-MM-dd" },
        { "\"notifiedOn\": \"2025-03-18\"", "\"notifiedOn\": \"18/03/2025\"", "$.entries[6].classification.importantData[1].notifiedOn", "'18/03/2025' is not a date of the form yyyy-MM-dd" },
        { "\"notifiedOn\": \"2025-03-18\"", "\"notifiedOn\": 20250318", "$.entries[6].classification.importantData[1].notifiedOn", "20250318 is not a date" },
        { "\"coreData\": false", "\"coreData\": \"no\"", "$.entries[0].classification.coreData", "expected true or false, found string" },
        { "\"sensitiveCategories\": [\n          \"SpecificIdentity\"", "\"sensitiveCategories\": [\n          \"Genetic\"", "$.entries[2].classification.sensitiveCategories[0]", "'Genetic' is not a sensitive category; expected one of Biometric, FinancialAccount" },
        { "\"generalDataLevel\": 2", "\"generalDataLevel\": 2.5", "$.entries[8].classification.generalDataLevel", "2.5 is not a whole number" },
        { "\"generalDataLevel\": 2", "\"generalDataLevel\": -2", "$.entries[8].classification.generalDataLevel", "-2 is negative" },
        { "\"generalDataLevel\": 2", "\"generalDataLevel\": 99999999999", "$.entries[8].classification.generalDataLevel", "99999999999 is too large" },
        { "\"id\": \"T:Acme.Trials.Patient\"", "\"id\": \"P:Acme.Trials.Patient.IdNumber\"", "$.entries[7].id", "duplicate entry id 'P:Acme.Trials.Patient.IdNumber'; ids must be unique" },
        { "\"id\": \"T:Acme.Trials.Patient\"", "\"id\": \"\"", "$.entries[7].id", "must not be empty" },
        { "\"displayName\": \"Acme.Trials.Patient\"", "\"displayName\": null", "$.entries[7].displayName", "expected a string, found null" },
        { "\"inheritedFrom\": [\n        \"P:Acme.Trials.Patient.IdNumber\"", "\"inheritedFrom\": [\n        3", "$.entries[7].inheritedFrom[0]", "expected a string, found number" },
        { "\"inheritedClasses\": []", "\"inheritedClasses\": {}", "$.entries[0].inheritedClasses", "expected an array, found object" },
        { "\"assembly\": \"Acme.Trials\"", "\"assembly\": [\"Acme.Trials\"]", "$.assembly", "expected a string, found array" },
        { "\"processor\": {", "\"processor\": {\"cii\": true,", "$.processor", "unknown property 'cii' in a processor" },
        { "\"origin\": {\n        \"region\": \"SG\",", "\"origin\": {\n        \"region\": \"SG\", \"country\": \"SG\",", "$.entries[0].origin", "unknown property 'country' in an origin" },
    };

    [Theory]
    [MemberData(nameof(DirectoryEdits))]
    public void ReportsBadDirectoryValuesWithTheirPosition(string find, string replace, string path, string reason)
    {
        var (json, position) = Edit(Directory, find, replace);
        var error = Assert.Throws<ManifestReadException>(() => ManifestReader.ReadDataDirectory(json));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
        Assert.True(error.Position.Line >= position.Line, $"{error.Position} is before the edit at {position}");
        Assert.True(error.Position.Line <= position.Line + 1, $"{error.Position} is after the edit at {position}");
    }

    [Fact]
    public void PointsAtTheOffendingValue()
    {
        var (json, position) = Edit(Directory, "\"Property\"", "\"Propety\"");
        var error = Assert.Throws<ManifestReadException>(() => ManifestReader.ReadDataDirectory(json));
        Assert.Equal(position, error.Position);
        Assert.Equal($"({position.Line},{position.Column}): $.entries[3].kind: 'Propety' is not an entry kind; expected one of Field, Parameter, Property, ReturnValue, Type", error.Message);
    }

    [Fact]
    public void PointsAtAnUnknownPropertyName()
    {
        var (json, position) = Edit(Directory, "\"referencedAssembly\": \"Acme.Shared\"", "\"referencedAssembly\": \"Acme.Shared\", \"owner\": \"x\"");
        var error = Assert.Throws<ManifestReadException>(() => ManifestReader.ReadDataDirectory(json));
        Assert.Equal(new TextPosition(position.Line, position.Column + "\"referencedAssembly\": \"Acme.Shared\", ".Length), error.Position);
        Assert.Equal("unknown property 'owner' in an entry", error.Reason);
    }

    [Fact]
    public void ReportsAMissingPropertyAtItsObject()
    {
        var lines = Directory.Split('\n').ToList();
        var index = lines.FindIndex(l => l.Contains("\"displayName\": \"Acme.Trials.GenomicSample\"", StringComparison.Ordinal));
        lines.RemoveAt(index);
        var error = Assert.Throws<ManifestReadException>(() => ManifestReader.ReadDataDirectory(string.Join('\n', lines)));
        Assert.Equal("missing required property 'displayName' in an entry", error.Reason);
        Assert.Equal(new TextPosition(index - 2, 5), error.Position); // the entry's opening brace
        Assert.Equal("$.entries[6]", error.Path);
    }

    public static TheoryData<string, string, string, string> ManifestEdits => new()
    {
        { "\"mechanism\": \"StandardContract\"", "\"mechanism\": \"SCC\"", "$.authorizations[2].mechanism", "'SCC' is not a transfer mechanism; expected one of AuthorityApproval, Certification, Exemption, SecurityAssessment, StandardContract" },
        { "\"exemption\": \"HumanResources\"", "\"exemption\": \"HR\"", "$.authorizations[1].exemption", "'HR' is not an exemption basis" },
        { "\"issuedOn\": \"2025-04-02\"", "\"issuedOn\": \"2025-4-2\"", "$.authorizations[2].issuedOn", "'2025-4-2' is not a date of the form yyyy-MM-dd" },
        { "\"issuedOn\": \"2025-04-02\"", "\"issuedOn\": \"2025-04-02T00:00:00Z\"", "$.authorizations[2].issuedOn", "'2025-04-02T00:00:00Z' is not a date" },
        { "\"validUntil\": \"2027-02-28\"", "\"validUntil\": \"2029-02-28\"", "$.authorizations[0].validUntil", "validUntil must equal declaredValidUntil when present, else computedValidUntil (2027-02-28)" },
        { "\"validUntilSource\": \"Declared\"", "\"validUntilSource\": \"Computed\"", "$.authorizations[1].validUntilSource", "validUntilSource must be 'Declared'" },
        { "\"estimatedSubjectsPerYear\": 12000", "\"estimatedSubjectsPerYear\": \"12000\"", "$.authorizations[2].estimatedSubjectsPerYear", "expected a whole number or null, found string" },
        { "\"estimatedSubjectsPerYear\": 12000", "\"estimatedSubjectsPerYear\": 1.2e4", "$.authorizations[2].estimatedSubjectsPerYear", "1.2e4 is not a whole number" },
        { "\"separateConsent\": true", "\"separateConsent\": 1", "$.authorizations[0].separateConsent", "expected true or false, found number" },
        { "\"status\": \"Unauthorized\"", "\"status\": \"Denied\"", "$.flows[0].status", "'Denied' is not a flow status; expected one of Authorized, Blocked, Expired, Inadequate, NotYetValid, Unauthorized, UnknownEndpoint" },
        { "\"jurisdictionResolution\": \"Attribute\"", "\"jurisdictionResolution\": \"Guess\"", "$.flows[1].jurisdictionResolution", "'Guess' is not a jurisdiction resolution" },
        { "\"dataClasses\": [\n        \"PersonalInformation\"\n      ],\n      \"categories\": [\n        \"PersonalInformation\"\n      ],\n      \"originMemberIds\": [\n        \"T:", "\"dataClasses\": [\n        \"Personal\"\n      ],\n      \"categories\": [\n        \"PersonalInformation\"\n      ],\n      \"originMemberIds\": [\n        \"T:", "$.flows[0].dataClasses[0]", "'Personal' is not a data class" },
        { "\"id\": \"flow:upload-visit-sg\"", "\"id\": \"flow:telemetry-us\"", "$.flows[1].id", "duplicate flow id 'flow:telemetry-us'" },
        { "\"callChain\": [\n        {\n          \"id\": \"M:Acme.Trials.Telemetry", "\"callChain\": [\n        {\n          \"method\": \"M:Acme.Trials.Telemetry", "$.flows[0].callChain[0]", "unknown property 'method' in a call step" },
        { "\"flows\": [", "\"flowz\": [", "$", "unknown property 'flowz' in a transfer manifest" },
    };

    [Theory]
    [MemberData(nameof(ManifestEdits))]
    public void ReportsBadManifestValuesWithTheirPosition(string find, string replace, string path, string reason)
    {
        var (json, position) = Edit(Manifest, find, replace);
        var error = Assert.Throws<ManifestReadException>(() => ManifestReader.ReadTransferManifest(json));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
        Assert.InRange(error.Position.Line, position.Line, position.Line + 8);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AcceptsNonCanonicalButValidInput()
    {
        // Properties reordered, compact layout, empty optional strings: the reader returns the canonical model.
        const string json = """
            {"schemaVersion":"1.0","document":"crossborder.data-directory","endpoints":[],"processor":null,"assembly":"A",
             "entries":[{"inheritedFrom":["P:A.Y","P:A.X"],"inheritedClasses":[],"origin":null,"kind":"Type","id":"T:A","displayName":"A",
             "containingTypeId":"","referencedAssembly":null,"description":"",
             "classification":{"personalInformation":true,"personalInformationCategory":null,"sensitiveCategories":["Other","Biometric"],
             "importantData":[],"coreData":false,"coreDataBasis":null,"generalData":false,"generalDataLevel":null,"anonymized":false,
             "anonymizationMethod":null}}]}
            """;
        var directory = ManifestReader.ReadDataDirectory(json);
        var entry = Assert.Single(directory.Entries);
        Assert.Null(entry.ContainingTypeId);
        Assert.Null(entry.Description);
        Assert.Equal(new[] { "P:A.X", "P:A.Y" }, entry.InheritedFrom);
        Assert.Equal(directory, ManifestReader.ReadDataDirectory(ManifestWriter.Write(directory)));
    }

    private static (string Json, TextPosition Position) Edit(string json, string find, string replace)
    {
        var index = json.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' is not in the sample");
        var edited = json.Substring(0, index) + replace + json.Substring(index + find.Length);
        var line = 1 + json.Take(index).Count(c => c == '\n');
        var column = index - (json.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1) + 1;
        return (edited, new TextPosition(line, column));
    }

    private static void AssertError(ManifestReadException error, int line, int column, string path, string reason)
    {
        Assert.Equal(new TextPosition(line, column), error.Position);
        Assert.Equal(path, error.Path);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"({line},{column}): ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
