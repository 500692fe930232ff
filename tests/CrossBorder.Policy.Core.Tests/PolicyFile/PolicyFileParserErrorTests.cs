using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.PolicyFile;
using Xunit;

namespace CrossBorder.Policy.Core.Tests.PolicyFile;

/// <summary>Every class of error, with its id, exact line and column, and the substance of its message.</summary>
public sealed class PolicyFileParserErrorTests
{
    private const string FilePath = "src/App/crossborder.json";

    /// <summary>
    /// Removes every '§' from <paramref name="marked"/> and returns the 1-based positions they stood at, so that
    /// expected positions are written in the text itself instead of counted by hand.
    /// </summary>
    private static (string Text, List<TextPosition> Marks) Unmark(string marked)
    {
        var text = new System.Text.StringBuilder();
        var marks = new List<TextPosition>();
        int line = 1, column = 1;
        foreach (var c in marked)
        {
            if (c == '§')
            {
                marks.Add(new TextPosition(line, column));
                continue;
            }

            text.Append(c);
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (text.ToString(), marks);
    }

    /// <summary>Parses a text with one '§' mark and asserts exactly one diagnostic, with <paramref name="id"/>, at the mark.</summary>
    private static PolicyDiagnostic Single(string marked, string id, params string[] fragments)
    {
        var (text, marks) = Unmark(marked);
        var result = PolicyFileParser.Parse(text, FilePath);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(FilePath, diagnostic.FilePath);
        Assert.True(result.HasErrors);
        AssertDiagnostic(diagnostic, id, Assert.Single(marks), fragments);
        return diagnostic;
    }

    private static (PolicyFileParseResult Result, List<TextPosition> Marks) ParseMarked(string marked)
    {
        var (text, marks) = Unmark(marked);
        return (PolicyFileParser.Parse(text, FilePath), marks);
    }

    private static void AssertDiagnostic(PolicyDiagnostic diagnostic, string id, TextPosition position, params string[] fragments)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(position, diagnostic.Position);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, diagnostic.Message, StringComparison.Ordinal);
        }
    }

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Fact]
    public void SyntaxError()
    {
        var d = Single(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"endpoints\": [ { \"host\": \"a.example.sg\" §\"jurisdiction\": \"SG\" } ]",
                "}"),
            PolicyDiagnosticIds.SyntaxError,
            "invalid JSON: unexpected '\"'; expected ',' or '}'");
        Assert.Equal("src/App/crossborder.json(3,43): error CBDT9001: " + d.Message, d.ToString());
    }

    [Fact]
    public void CommentsAreAllowed()
    {
        var result = PolicyFileParser.Parse("// head\n{ /* v */ \"version\": 1 }", FilePath);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void UnknownPropertySuggestsTheClosestName() =>
        Single(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"transfers\": [",
                "    { \"id\": \"t\", \"mechanism\": \"Exemption\", \"exemption\": \"Emergency\",",
                "      §\"issuedon\": \"2025-01-01\" }",
                "  ]",
                "}"),
            PolicyDiagnosticIds.UnknownProperty,
            "transfers[0].issuedon: unknown property; did you mean 'issuedOn'?");

    [Fact]
    public void UnknownPropertyWithoutCloseNameListsKnownNames()
    {
        var d = Single("{ \"version\": 1, §\"zzzzzzzzzz\": true }", PolicyDiagnosticIds.UnknownProperty, "zzzzzzzzzz: unknown property. Known properties: $schema, version, processor");
        Assert.DoesNotContain("did you mean", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongJsonType() =>
        Single(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"processor\": { \"criticalInformationInfrastructureOperator\": §\"yes\" }",
                "}"),
            PolicyDiagnosticIds.WrongType,
            "processor.criticalInformationInfrastructureOperator: expected a boolean (true or false), found a string");

    [Fact]
    public void WrongTypeOfTheDocument() =>
        Single("§[1]", PolicyDiagnosticIds.WrongType, "expected an object, found an array");

    [Fact]
    public void WrongTypeOfAnArrayItem() =>
        Single("{ \"version\": 1, \"endpoints\": [ §\"a.example.sg\" ] }", PolicyDiagnosticIds.WrongType, "endpoints[0]: expected an object, found a string");

    [Fact]
    public void BadEnumValueListsTheAllowedValues() =>
        Single(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"transfers\": [ { \"id\": \"t\", \"mechanism\": §\"StandardContracts\", \"reference\": \"R-1\" } ]",
                "}"),
            PolicyDiagnosticIds.InvalidEnumValue,
            "transfers[0].mechanism: 'StandardContracts' is not allowed (did you mean 'StandardContract'?)",
            "expected one of SecurityAssessment, StandardContract, Certification, Exemption, AuthorityApproval");

    [Fact]
    public void EnumValuesAreCaseSensitive() =>
        Single(
            "{ \"version\": 1, \"negativeLists\": [ { \"zone\": \"Z\", \"edition\": \"1\", \"entries\": [ { \"id\": \"e\", \"dataKind\": §\"importantdata\" } ] } ] }",
            PolicyDiagnosticIds.InvalidEnumValue,
            "negativeLists[0].entries[0].dataKind: 'importantdata'",
            "did you mean 'ImportantData'?");

    [Fact]
    public void NegativeListMechanismExcludesExemption() =>
        Single(
            "{ \"version\": 1, \"negativeLists\": [ { \"zone\": \"Z\", \"edition\": \"1\", \"entries\": [ { \"id\": \"e\", \"dataKind\": \"ImportantData\", \"mechanism\": §\"Exemption\" } ] } ] }",
            PolicyDiagnosticIds.InvalidEnumValue,
            "expected one of SecurityAssessment, StandardContract, Certification");

    [Fact]
    public void BadDate() =>
        Single(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"transfers\": [",
                "    { \"id\": \"a\", \"mechanism\": \"Exemption\", \"exemption\": \"Emergency\" },",
                "    { \"id\": \"b\", \"mechanism\": \"Exemption\", \"exemption\": \"Emergency\" },",
                "    { \"id\": \"c\", \"mechanism\": \"StandardContract\", \"reference\": \"R\",",
                "      \"issuedOn\": §\"2025-13-01\" }",
                "  ]",
                "}"),
            PolicyDiagnosticIds.InvalidDate,
            "transfers[2].issuedOn: '2025-13-01' is not a date of the form yyyy-MM-dd");

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2025-1-01")]
    [InlineData("01/02/2025")]
    [InlineData("2025-01-01T00:00:00")]
    public void ImpossibleOrMisformedDates(string date) =>
        Single(
            "{ \"version\": 1, \"catalogs\": [ { \"id\": \"c\", \"name\": \"n\", \"publishedOn\": §\"" + date + "\" } ] }",
            PolicyDiagnosticIds.InvalidDate,
            "catalogs[0].publishedOn: '" + date + "' is not a date");

    [Fact]
    public void InvertedDates() =>
        Single(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"SecurityAssessment\", \"reference\": \"SA-1\",",
                "    \"issuedOn\": \"2025-06-01\", \"validUntil\": §\"2025-05-31\" } ]",
                "}"),
            PolicyDiagnosticIds.InvertedDates,
            "transfers[0].validUntil: '2025-05-31' is before issuedOn '2025-06-01'");

    [Fact]
    public void InvertedNegativeListDates() =>
        Single(
            "{ \"version\": 1, \"negativeLists\": [ { \"zone\": \"Z\", \"edition\": \"1\", \"publishedOn\": \"2025-02-08\", \"effectiveFrom\": §\"2025-02-07\" } ] }",
            PolicyDiagnosticIds.InvertedDates,
            "negativeLists[0].effectiveFrom: '2025-02-07' is before publishedOn '2025-02-08'");

    [Fact]
    public void SameDayValidityIsNotInverted()
    {
        var result = PolicyFileParser.Parse("{ \"version\": 1, \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"Certification\", \"reference\": \"C-1\", \"issuedOn\": \"2025-06-01\", \"validUntil\": \"2025-06-01\" } ] }", FilePath);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("UK", "the United Kingdom is 'GB'")]
    [InlineData("sg", "codes are upper case: 'SG'")]
    [InlineData("XX", "not an assigned ISO 3166-1 alpha-2 code")]
    [InlineData("SGP", "not an assigned ISO 3166-1 alpha-2 code")]
    public void UnknownJurisdiction(string code, string fragment) =>
        Single(
            Lines(
                "{ \"version\": 1,",
                "  \"endpoints\": [ { \"host\": \"api.example.sg\", \"jurisdiction\": §\"" + code + "\" } ] }"),
            PolicyDiagnosticIds.UnknownJurisdiction,
            "endpoints[0].jurisdiction: '" + code + "'",
            fragment);

    [Fact]
    public void UnknownJurisdictionInDefaults() =>
        Single(
            "{ \"version\": 1, \"defaults\": { \"unknownHostJurisdiction\": §\"abroad\" } }",
            PolicyDiagnosticIds.UnknownJurisdiction,
            "defaults.unknownHostJurisdiction: 'abroad' is not \"foreign\", \"domestic\" or an assigned ISO 3166-1 alpha-2 code");

    [Fact]
    public void DuplicateTransferIds() =>
        Single(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"transfers\": [",
                "    { \"id\": \"t\", \"mechanism\": \"Exemption\", \"exemption\": \"Emergency\" },",
                "    §{ \"id\": \"t\", \"mechanism\": \"Exemption\", \"exemption\": \"HumanResources\" }",
                "  ]",
                "}"),
            PolicyDiagnosticIds.DuplicateId,
            "transfers: duplicate id 't'; it is already declared at line 4, column 5");

    [Fact]
    public void DuplicateEndpointIdsAndHosts()
    {
        var (result, marks) = ParseMarked(Lines(
            "{ \"version\": 1, \"endpoints\": [",
            "  { \"id\": \"e\", \"host\": \"a.example.sg\", \"jurisdiction\": \"SG\" },",
            "  §{ \"id\": \"e\", \"host\": \"b.example.sg\", \"jurisdiction\": \"SG\" },",
            "  §{ \"host\": \"A.Example.SG\", \"jurisdiction\": \"US\" } ] }"));
        Assert.Collection(
            result.Diagnostics,
            d => AssertDiagnostic(d, PolicyDiagnosticIds.DuplicateId, marks[0], "endpoints: duplicate id 'e'", "line 2, column 3"),
            d => AssertDiagnostic(d, PolicyDiagnosticIds.DuplicateId, marks[1], "endpoints: duplicate host 'a.example.sg'", "line 2, column 3"));
    }

    [Fact]
    public void DuplicateCatalogsAndCatalogEntries()
    {
        var (result, marks) = ParseMarked(Lines(
            "{ \"version\": 1, \"catalogs\": [",
            "  { \"id\": \"c\", \"name\": \"C\", \"entries\": [ { \"id\": \"E1\", \"name\": \"a\" },",
            "                                      §{ \"id\": \"E1\", \"name\": \"b\" } ] },",
            "  §{ \"id\": \"c\", \"name\": \"D\" } ] }"));
        Assert.Collection(
            result.Diagnostics,
            d => AssertDiagnostic(d, PolicyDiagnosticIds.DuplicateId, marks[0], "catalogs[0].entries: duplicate id 'E1'"),
            d => AssertDiagnostic(d, PolicyDiagnosticIds.DuplicateId, marks[1], "catalogs: duplicate id 'c'"));
    }

    [Fact]
    public void DuplicateNegativeListEditionsAndEntries()
    {
        var (result, marks) = ParseMarked(Lines(
            "{ \"version\": 1, \"negativeLists\": [",
            "  { \"zone\": \"CN-TJ-FTZ\", \"edition\": \"2024\", \"entries\": [ { \"id\": \"A\", \"dataKind\": \"ImportantData\" }, §{ \"id\": \"A\", \"dataKind\": \"PersonalInformation\" } ] },",
            "  §{ \"zone\": \"CN-TJ-FTZ\", \"edition\": \"2024\" } ] }"));
        Assert.Collection(
            result.Diagnostics,
            d => AssertDiagnostic(d, PolicyDiagnosticIds.DuplicateId, marks[0], "negativeLists[0].entries: duplicate id 'A'"),
            d => AssertDiagnostic(d, PolicyDiagnosticIds.DuplicateId, marks[1], "negativeLists: duplicate zone and edition 'CN-TJ-FTZ 2024'"));
    }

    [Fact]
    public void MissingRequiredProperty() =>
        Single(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"transfers\": [ §{ \"mechanism\": \"Exemption\", \"exemption\": \"Emergency\" } ]",
                "}"),
            PolicyDiagnosticIds.MissingRequiredProperty,
            "transfers[0]: missing required property 'id'");

    [Fact]
    public void MissingVersion() =>
        Single("§{\n}", PolicyDiagnosticIds.MissingRequiredProperty, "the document: missing required property 'version'");

    [Fact]
    public void ReferenceIsRequiredExceptForExemptions() =>
        Single("{ \"version\": 1, \"transfers\": [ §{ \"id\": \"t\", \"mechanism\": \"SecurityAssessment\" } ] }", PolicyDiagnosticIds.MissingRequiredProperty, "transfers[0]: missing required property 'reference'");

    [Fact]
    public void ExemptionIsRequiredForTheExemptionMechanism() =>
        Single("{ \"version\": 1, \"transfers\": [ §{ \"id\": \"t\", \"mechanism\": \"Exemption\" } ] }", PolicyDiagnosticIds.MissingRequiredProperty, "missing required property 'exemption'", "HumanResources");

    [Fact]
    public void NegativeListEntryNeedsADataKind() =>
        Single("{ \"version\": 1, \"negativeLists\": [ { \"zone\": \"Z\", \"edition\": \"1\", \"entries\": [ §{ \"id\": \"e\" } ] } ] }", PolicyDiagnosticIds.MissingRequiredProperty, "negativeLists[0].entries[0]: missing required property 'dataKind'");

    [Fact]
    public void EndpointNeedsJurisdictionOrDomestic() =>
        Single("{ \"version\": 1, \"endpoints\": [ §{ \"host\": \"a.example.sg\" } ] }", PolicyDiagnosticIds.MissingRequiredProperty, "endpoints[0]: missing required property 'jurisdiction'", "'domestic': true");

    [Theory]
    [InlineData("https://api.example.sg", "not a URL")]
    [InlineData("api.example.sg:443", "not a URL or a host with a port")]
    [InlineData("api.example.sg/v1", "not a URL")]
    [InlineData("api..example.sg", "empty label")]
    [InlineData("api.example.*", "(the top-level domain) must be fixed")]
    [InlineData("-api.example.sg", "starts or ends with '-'")]
    [InlineData("*", "would match every host")]
    public void InvalidHostPattern(string host, string fragment) =>
        Single(
            "{ \"version\": 1, \"endpoints\": [ { \"host\": §\"" + host + "\", \"jurisdiction\": \"SG\" } ] }",
            PolicyDiagnosticIds.InvalidHostPattern,
            "endpoints[0].host: '" + host + "' is not a host or host pattern",
            fragment);

    [Fact]
    public void InvalidHostPatternInTransferEndpoint() =>
        Single(
            "{ \"version\": 1, \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"Exemption\", \"exemption\": \"Emergency\", \"endpoint\": §\"x y\" } ] }",
            PolicyDiagnosticIds.InvalidHostPattern,
            "transfers[0].endpoint: 'x y'",
            "contains the character ' ', not allowed in a host name");

    [Fact]
    public void InvalidRegex() =>
        Single(
            Lines(
                "{",
                "  \"version\": 1,",
                "  \"referenceFormats\": {",
                "    \"StandardContract\": §\"^SCC-[0-9{4}$\"",
                "  }",
                "}"),
            PolicyDiagnosticIds.InvalidRegex,
            "referenceFormats.StandardContract: '^SCC-[0-9{4}$' is not a valid .NET regular expression");

    [Fact]
    public void ReferenceFormatsRejectUnknownMechanisms() =>
        Single("{ \"version\": 1, \"referenceFormats\": { §\"Exemption\": \".*\" } }", PolicyDiagnosticIds.UnknownProperty, "referenceFormats.Exemption: unknown property");

    [Theory]
    [InlineData("2", "version: 2 is not a supported file format version; this tool reads version 1")]
    [InlineData("0", "version: 0 is not a supported")]
    public void UnsupportedVersionStopsBeforeTheRest(string version, string fragment) =>
        Single("{\n  \"version\": §" + version + ",\n  \"unknown\": 1\n}", PolicyDiagnosticIds.UnsupportedVersion, fragment);

    [Fact]
    public void VersionOfTheWrongType() =>
        Single("{ \"version\": §\"1\" }", PolicyDiagnosticIds.WrongType, "version: expected an integer, found a string");

    [Theory]
    [InlineData("-1", "defaults.expiryWarningDays: -1 is out of range; expected an integer from 0 to 3650")]
    [InlineData("4000", "4000 is out of range")]
    [InlineData("1.5", "1.5 is not an integer from 0 to 3650")]
    [InlineData("99999999999999999999", "is not an integer from 0 to 3650")]
    public void NumberOutOfRange(string number, string fragment) =>
        Single("{ \"version\": 1, \"defaults\": { \"expiryWarningDays\": §" + number + " } }", PolicyDiagnosticIds.NumberOutOfRange, fragment);

    [Fact]
    public void NegativeSubjectsAreOutOfRange() =>
        Single(
            "{ \"version\": 1, \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"Exemption\", \"exemption\": \"BelowThreshold\", \"estimatedSubjectsPerYear\": §-5 } ] }",
            PolicyDiagnosticIds.NumberOutOfRange,
            "transfers[0].estimatedSubjectsPerYear: -5 is out of range");

    [Theory]
    [InlineData("Personal", "expected one of PersonalInformation")]
    [InlineData("SensitivePersonalInformation:Health", "'Health' is not a sensitive category; expected one of Biometric")]
    [InlineData("PersonalInformation:contact", "takes no qualifier")]
    [InlineData("ImportantData:", "catalogue entry id after 'ImportantData:' is empty")]
    public void InvalidCategory(string category, string fragment) =>
        Single(
            "{ \"version\": 1, \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"Exemption\", \"exemption\": \"Emergency\", \"categories\": [\"PersonalInformation\", §\"" + category + "\"] } ] }",
            PolicyDiagnosticIds.InvalidCategory,
            "transfers[0].categories[1]: '" + category + "' is not a data category",
            fragment);

    [Fact]
    public void ReferenceMustMatchTheDefaultFormat() =>
        Single(
            "{ \"version\": 1, \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"StandardContract\", \"reference\": §\" SCC-1\" } ] }",
            PolicyDiagnosticIds.ReferenceFormatMismatch,
            "transfers[0].reference: ' SCC-1' is not a valid StandardContract reference; expected 1 to 64 characters without leading or trailing white space");

    [Fact]
    public void ReferenceMustMatchTheConfiguredFormat() =>
        Single(
            Lines(
                "{ \"version\": 1,",
                "  \"referenceFormats\": { \"SecurityAssessment\": \"^CAC-SA-[0-9]{4}$\" },",
                "  \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"SecurityAssessment\", \"reference\": §\"SA-2024\" } ] }"),
            PolicyDiagnosticIds.ReferenceFormatMismatch,
            "'SA-2024' does not match the SecurityAssessment reference format '^CAC-SA-[0-9]{4}$' (referenceFormats.SecurityAssessment)");

    [Fact]
    public void ExemptionOnAnotherMechanismContradicts() =>
        Single(
            "{ \"version\": 1, \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"StandardContract\", \"reference\": \"R\", \"exemption\": §\"Emergency\" } ] }",
            PolicyDiagnosticIds.ContradictoryValues,
            "transfers[0].exemption: an exemption ('Emergency') is claimed but mechanism is StandardContract");

    [Fact]
    public void DomesticWithForeignJurisdictionContradicts() =>
        Single(
            "{ \"version\": 1, \"endpoints\": [ { \"host\": \"a.example.cn\", \"jurisdiction\": \"SG\", \"domestic\": §true } ] }",
            PolicyDiagnosticIds.ContradictoryValues,
            "endpoints[0].domestic: 'domestic': true contradicts 'jurisdiction': 'SG'");

    [Fact]
    public void TransferToMainlandContradicts() =>
        Single(
            "{ \"version\": 1, \"transfers\": [ { \"id\": \"t\", \"mechanism\": \"Exemption\", \"exemption\": \"Emergency\", \"jurisdiction\": §\"CN\" } ] }",
            PolicyDiagnosticIds.ContradictoryValues,
            "transfers[0].jurisdiction: 'CN' is mainland China");

    [Fact]
    public void ThresholdsInTheWrongOrderContradict() =>
        Single(
            "{ \"version\": 1, \"regulation\": { \"contractThreshold\": §2000000 } }",
            PolicyDiagnosticIds.ContradictoryValues,
            "regulation.contractThreshold: contractThreshold (2000000) must be below assessmentThreshold (1000000)");

    [Theory]
    [InlineData("\"processor\": { \"unifiedSocialCreditCode\": §\"12345\" }", "processor.unifiedSocialCreditCode: '12345' is not a unified social credit code")]
    [InlineData("\"defaults\": { \"dataOrigin\": §\"Jiangsu\" }", "defaults.dataOrigin: 'Jiangsu' is not a region code")]
    [InlineData("\"processor\": { \"name\": §\"  \" }", "processor.name: expected a non-empty string")]
    [InlineData("\"transfers\": [ { \"id\": \"t\", \"mechanism\": \"Exemption\", \"exemption\": \"Emergency\", \"documentSha256\": §\"ABC\" } ]", "transfers[0].documentSha256: 'ABC' is not a SHA-256 digest")]
    public void InvalidValue(string section, string fragment) =>
        Single("{ \"version\": 1, " + section + " }", PolicyDiagnosticIds.InvalidValue, fragment);

    [Fact]
    public void DataOriginCountryMustBeAssigned() =>
        Single("{ \"version\": 1, \"defaults\": { \"dataOrigin\": §\"XX-JS\" } }", PolicyDiagnosticIds.UnknownJurisdiction, "'XX' in 'XX-JS' is not an assigned ISO 3166-1 alpha-2 code");

    [Fact]
    public void ManyErrorsAreAllReportedInDocumentOrderAndValidPartsAreKept()
    {
        var (result, marks) = ParseMarked(Lines(
            "{",
            "  \"version\": 1,",
            "  \"endpoints\": [",
            "    { \"host\": \"good.example.sg\", \"jurisdiction\": \"SG\" },",
            "    { \"host\": §\"bad host\", \"jurisdiction\": \"SG\" }",
            "  ],",
            "  \"transfers\": [",
            "    { \"id\": \"t1\", \"mechanism\": \"Certification\", \"reference\": \"C-1\", \"issuedOn\": §\"2025-02-29\" },",
            "    { \"id\": \"t2\", \"mechanism\": \"Exemption\", \"exemption\": \"Emergency\", §\"recipent\": \"x\" }",
            "  ]",
            "}"));

        Assert.Collection(
            result.Diagnostics,
            d => AssertDiagnostic(d, PolicyDiagnosticIds.InvalidHostPattern, marks[0], "endpoints[1].host"),
            d => AssertDiagnostic(d, PolicyDiagnosticIds.InvalidDate, marks[1], "transfers[0].issuedOn: '2025-02-29'"),
            d => AssertDiagnostic(d, PolicyDiagnosticIds.UnknownProperty, marks[2], "transfers[1].recipent: unknown property; did you mean 'recipient'?"));
        Assert.Equal("good.example.sg", Assert.Single(result.Document.Endpoints).Host);
        Assert.Equal(new[] { "t1", "t2" }, result.Document.Transfers.Select(t => t.Id));
        Assert.Null(result.Document.Transfers[0].IssuedOn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("{\"version\": 1, \"transfers\": {}}")]
    [InlineData("{\"version\": 1, \"transfers\": [null, 1, [], {\"id\": 5}]}")]
    [InlineData("{\"version\": 1, \"regulation\": [], \"defaults\": 1, \"processor\": \"x\", \"referenceFormats\": null}")]
    [InlineData("{\"version\": 1, \"catalogs\": [{\"id\": \"c\", \"name\": \"n\", \"entries\": [1, {\"id\": []}]}], \"negativeLists\": [{\"entries\": {}}]}")]
    public void NeverThrowsOnBadInput(string text)
    {
        var result = PolicyFileParser.Parse(text, FilePath);
        Assert.True(result.HasErrors);
        Assert.All(result.Diagnostics, d => Assert.True(d.Position.Line >= 1 && d.Position.Column >= 1));
    }
}
