using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CrossBorder.Policy.Core.Jurisdictions;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;
using JurisdictionResolution = CrossBorder.Policy.Core.Manifest.JurisdictionResolution;

namespace CrossBorder.Policy.Cli.Scan;

/// <summary>A manifest flow built from a transfer finding, with the finding's rule and location (relative to the scanned folder).</summary>
internal sealed record ScanFlow(TransferFlow Flow, string RuleId, string Location);

/// <summary>
/// Turns the analyzers' transfer findings (CBDT1001 to CBDT1005) into flows of the transfer manifest: the generator
/// cannot know them (the flow analysis runs in the analyzers), so <c>scan</c> adds them to the <c>transfers.json</c> it
/// writes. Every fact comes from the finding: the methods and the sink from the compilation at its locations, the
/// host, jurisdiction, categories and origins from its properties and message, the authorization from the message
/// (CBDT1003, CBDT1004) matched against the manifest's authorizations.
/// </summary>
internal static partial class ScanFlows
{
    /// <summary>The prefix of the id of every flow that <c>scan</c> adds.</summary>
    public const string IdPrefix = "scan:";

    /// <summary>The rule a flow status comes from (docs/manifest-format.md: the verdict is CBDT1001 to CBDT1005).</summary>
    public static string? RuleOf(FlowStatus status) => status switch
    {
        FlowStatus.Unauthorized => "CBDT1001",
        FlowStatus.Blocked => "CBDT1002",
        FlowStatus.Inadequate => "CBDT1003",
        FlowStatus.Expired or FlowStatus.NotYetValid => "CBDT1004",
        FlowStatus.UnknownEndpoint => "CBDT1005",
        _ => null,
    };

    /// <summary>
    /// The flows of the unsuppressed transfer findings of <paramref name="scan"/>, in the findings' order (project, file,
    /// line). A suppressed finding is the team's statement that the flow is covered: it stays in the SARIF log with its
    /// justification and is not a flow here.
    /// </summary>
    public static IReadOnlyList<ScanFlow> Build(ScanResult scan, DataDirectory? directory, TransferManifest? transfers)
    {
        var root = Path.GetDirectoryName(scan.InputPath)!;
        var entries = directory?.Entries.ToList() ?? new List<DirectoryEntry>();
        var bindings = directory?.Endpoints.ToList() ?? new List<EndpointBinding>();
        var authorizations = transfers?.Authorizations.ToList() ?? new List<TransferAuthorization>();
        var result = new List<ScanFlow>();
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in scan.Findings)
        {
            if (f.Suppressed || f.Flow is not { Source: { } source } facts)
            {
                continue;
            }

            var status = f.RuleId switch
            {
                "CBDT1001" => FlowStatus.Unauthorized,
                "CBDT1002" => FlowStatus.Blocked,
                "CBDT1003" => FlowStatus.Inadequate,
                "CBDT1004" => f.Message.Contains("not yet valid", StringComparison.Ordinal) ? FlowStatus.NotYetValid : FlowStatus.Expired,
                _ => FlowStatus.UnknownEndpoint,
            };
            var host = status == FlowStatus.UnknownEndpoint ? null : HostOf(f, facts);
            var (jurisdiction, resolution) = status == FlowStatus.UnknownEndpoint ? (null, JurisdictionResolution.Unresolved) : Resolve(host, f, facts, bindings);
            var tags = Tags(f, facts);
            var baseId = IdPrefix + source.ShortName + ">" + (facts.Called?.ShortName ?? facts.Sink?.ShortName ?? "unknown") + (status == FlowStatus.Blocked ? "#core-data" : string.Empty);
            used.TryGetValue(baseId, out var seen);
            used[baseId] = seen + 1;
            var id = seen == 0 ? baseId : baseId + "#" + (seen + 1).ToString(CultureInfo.InvariantCulture);
            var chain = new[] { source, facts.Called, facts.SinkCaller }
                .Where(m => m is not null && !string.Equals(m.Id, facts.Sink?.Id, StringComparison.Ordinal))
                .Select(m => m!)
                .GroupBy(m => m.Id, StringComparer.Ordinal)
                .Select(g => new CallStep(g.Key, g.First().Display))
                .ToList();
            var flow = new TransferFlow(id, source.Id, facts.Sink?.Id ?? facts.Called?.Id ?? source.Id)
            {
                Status = status,
                CallChain = EquatableArray.From(chain),
                SinkDisplay = facts.Sink?.Display ?? facts.Called?.Display,
                EndpointHost = host,
                Jurisdiction = jurisdiction,
                JurisdictionResolution = resolution,
                DataClasses = EquatableArray.From(tags.Select(ClassOf).Distinct().ToList()),
                Categories = EquatableArray.From(tags),
                OriginMemberIds = EquatableArray.From(Origins(f.Message).SelectMany(o => EntriesNamed(entries, o)).Distinct(StringComparer.Ordinal).ToList()),
                AuthorizationId = status is FlowStatus.Inadequate or FlowStatus.Expired or FlowStatus.NotYetValid ? AuthorizationOf(f.Message, host, authorizations) : null,
            };
            var location = f.FilePath is null ? "-" : Path.GetRelativePath(root, f.FilePath).Replace('\\', '/') + ":" + f.StartLine.ToString(CultureInfo.InvariantCulture);
            result.Add(new ScanFlow(flow, f.RuleId, location));
        }

        return result;
    }

    /// <summary>
    /// The manifest with the scan's flows added to the flows it already has (a flow id it has is kept as it is), in
    /// canonical form.
    /// </summary>
    public static TransferManifest AddTo(TransferManifest manifest, IEnumerable<ScanFlow> flows)
    {
        var ids = new HashSet<string>(manifest.Flows.Select(f => f.Id), StringComparer.Ordinal);
        var all = manifest.Flows.Concat(flows.Select(f => f.Flow).Where(f => ids.Add(f.Id))).ToList();
        return (manifest with { Flows = EquatableArray.From(all) }).Canonicalize();
    }

    private static string? HostOf(ScanFinding f, FlowFacts facts)
    {
        if (facts.Properties.TryGetValue("Host", out var property) && !string.IsNullOrEmpty(property))
        {
            return property;
        }

        var match = ReachesPattern().Match(f.Message);

        // "an unnamed foreign endpoint", "an endpoint in US": no host is known.
        return match.Success && !match.Groups[1].Value.StartsWith("an ", StringComparison.Ordinal) ? match.Groups[1].Value : null;
    }

    private static (string? Jurisdiction, JurisdictionResolution How) Resolve(string? host, ScanFinding f, FlowFacts facts, List<EndpointBinding> bindings)
    {
        facts.Properties.TryGetValue("Jurisdiction", out var declared);
        var how = ExplanationPattern().Match(f.Message);
        if (how.Success)
        {
            // CBDT1001 and CBDT1002 quote the resolver's explanation: it says which layer decided.
            var text = how.Groups[1].Value;
            var code = string.IsNullOrEmpty(declared) ? CodePattern().Match(text) is { Success: true } m ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null : declared;
            var source = text.Contains("by the policy-file rule", StringComparison.Ordinal) ? JurisdictionResolution.PolicyFile
                : text.Contains("'country-code-tld'", StringComparison.Ordinal) ? JurisdictionResolution.CountryCodeDomain
                : text.Contains("by the built-in rule", StringComparison.Ordinal) ? JurisdictionResolution.KnowledgeBase
                : text.Contains("default", StringComparison.Ordinal) ? JurisdictionResolution.DefaultForUnknownHosts
                : JurisdictionResolution.Attribute;
            return (code, source);
        }

        if (host is null)
        {
            return (null, JurisdictionResolution.Unresolved);
        }

        // CBDT1003 and CBDT1004 name the host only: the bindings of the data directory, then the built-in knowledge base.
        var binding = bindings
            .Where(b => b.Host is not null && (string.Equals(b.Host, host, StringComparison.OrdinalIgnoreCase) || (HostPattern.TryParse(b.Host, out var p, out _) && p.IsMatch(host))))
            .OrderBy(b => string.Equals(b.Host, host, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(b => string.Equals(b.DeclaredOn, ManifestIds.PolicyFile, StringComparison.Ordinal) ? 0 : 1)
            .FirstOrDefault();
        if (binding is not null)
        {
            return (binding.Domestic ? "CN" : binding.Jurisdiction, string.Equals(binding.DeclaredOn, ManifestIds.PolicyFile, StringComparison.Ordinal) ? JurisdictionResolution.PolicyFile : JurisdictionResolution.Attribute);
        }

        if (JurisdictionResolver.Default.TryResolve(host, out var resolved, out _))
        {
            var source = resolved.Source switch
            {
                JurisdictionSource.PolicyFile => JurisdictionResolution.PolicyFile,
                JurisdictionSource.Attribute => JurisdictionResolution.Attribute,
                JurisdictionSource.KnowledgeBase => string.Equals(resolved.RuleName, "country-code-tld", StringComparison.Ordinal) ? JurisdictionResolution.CountryCodeDomain : JurisdictionResolution.KnowledgeBase,
                _ => JurisdictionResolution.DefaultForUnknownHosts,
            };
            return (resolved.Jurisdiction, source);
        }

        return (null, JurisdictionResolution.Unresolved);
    }

    /// <summary>The categories (<c>PersonalInformation</c>, <c>SensitivePersonalInformation:MedicalHealth</c>, <c>ImportantData:BIO-001</c>, <c>CoreData</c>).</summary>
    private static List<string> Tags(ScanFinding f, FlowFacts facts)
    {
        if (facts.Properties.TryGetValue("Categories", out var categories) && !string.IsNullOrEmpty(categories))
        {
            return categories.Split('\n', StringSplitOptions.RemoveEmptyEntries).OrderBy(t => t, StringComparer.Ordinal).ToList();
        }

        if (string.Equals(f.RuleId, "CBDT1002", StringComparison.Ordinal))
        {
            return new List<string> { "CoreData" };
        }

        // The message starts with the data: "personal information, sensitive personal information (MedicalHealth) from ..."
        var end = f.Message.IndexOf(" from '", StringComparison.Ordinal);
        var reaches = f.Message.IndexOf(" reaches ", StringComparison.Ordinal);
        var head = f.Message.Substring(0, Math.Max(0, end >= 0 && (reaches < 0 || end < reaches) ? end : reaches));
        return DataPattern().Matches(head)
            .Select(m =>
            {
                var kind = m.Groups[1].Value switch
                {
                    "sensitive personal information" => "SensitivePersonalInformation",
                    "important data" => "ImportantData",
                    "core data" => "CoreData",
                    _ => "PersonalInformation",
                };
                return m.Groups[2].Success ? kind + ":" + m.Groups[2].Value : kind;
            })
            .Distinct(StringComparer.Ordinal)
            .OrderBy(t => t, StringComparer.Ordinal)
            .ToList();
    }

    private static DataClass ClassOf(string tag)
    {
        var colon = tag.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? tag : tag.Substring(0, colon)) switch
        {
            "SensitivePersonalInformation" => DataClass.SensitivePersonalInformation,
            "ImportantData" => DataClass.ImportantData,
            "CoreData" => DataClass.CoreData,
            "GeneralData" => DataClass.GeneralData,
            _ => DataClass.PersonalInformation,
        };
    }

    /// <summary>The member names a message gives as the data's origins: <c>from 'Patient.Diagnosis', 'Patient.FullName'</c>.</summary>
    private static IEnumerable<string> Origins(string message)
    {
        var match = OriginsPattern().Match(message);
        return match.Success ? QuotedPattern().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value) : Enumerable.Empty<string>();
    }

    /// <summary>The directory entries a short name (<c>Patient.Diagnosis</c>, <c>VaccineReserveAllocation</c>) names.</summary>
    private static IEnumerable<string> EntriesNamed(List<DirectoryEntry> entries, string name) => entries
        .Where(e => string.Equals(e.DisplayName, name, StringComparison.Ordinal) || e.DisplayName.EndsWith("." + name, StringComparison.Ordinal))
        .Select(e => e.Id);

    /// <summary>The manifest authorization a CBDT1003 or CBDT1004 message names ("under ... transfer 'id'", "under [CrossBorderTransfer(Id = "id")] on ...").</summary>
    private static string? AuthorizationOf(string message, string? host, List<TransferAuthorization> authorizations)
    {
        var under = UnderPattern().Match(message);
        if (under.Success)
        {
            var text = under.Groups[1].Value;
            var named = AttributeIdPattern().Match(text) is { Success: true } a ? a.Groups[1].Value
                : PolicyIdPattern().Match(text) is { Success: true } p ? p.Groups[1].Value
                : null;
            if (named is not null && authorizations.Any(x => string.Equals(x.Id, named, StringComparison.Ordinal)))
            {
                return named;
            }

            // [CrossBorderTransfer] without an Id, on 'SafetyDatabaseClient': the generator's id, found by where it is declared.
            if (OnPattern().Match(text) is { Success: true } on)
            {
                var declared = authorizations.Where(x => x.DeclaredOn.EndsWith("." + on.Groups[1].Value, StringComparison.Ordinal) || x.DeclaredOn.EndsWith(":" + on.Groups[1].Value, StringComparison.Ordinal)).ToList();
                if (declared.Count == 1)
                {
                    return declared[0].Id;
                }
            }
        }

        return host is null ? null : authorizations
            .Where(a => a.Endpoint is not null && (string.Equals(a.Endpoint, host, StringComparison.OrdinalIgnoreCase) || (HostPattern.TryParse(a.Endpoint, out var p, out _) && p.IsMatch(host))))
            .Select(a => a.Id)
            .OrderBy(id => id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    [GeneratedRegex(@"reaches '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex ReachesPattern();

    [GeneratedRegex(@"reaches '[^']*' \((.*)\) via ", RegexOptions.CultureInvariant)]
    private static partial Regex ExplanationPattern();

    [GeneratedRegex(@"\(([A-Z]{2})\)|, in ([A-Z]{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"(sensitive personal information|personal information|important data|core data)(?: \(([^)]*)\))?", RegexOptions.CultureInvariant)]
    private static partial Regex DataPattern();

    [GeneratedRegex(@" from ('[^']+'(?:, '[^']+')*) reaches ", RegexOptions.CultureInvariant)]
    private static partial Regex OriginsPattern();

    [GeneratedRegex(@"'([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@" under (.*?), (?:whose|which) ", RegexOptions.CultureInvariant)]
    private static partial Regex UnderPattern();

    [GeneratedRegex(@"Id = ""([^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeIdPattern();

    [GeneratedRegex(@" transfer '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyIdPattern();

    [GeneratedRegex(@"\] on '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex OnPattern();
}
