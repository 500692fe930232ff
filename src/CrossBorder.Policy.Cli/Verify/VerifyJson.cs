using System.Text.Json;
using CrossBorder.Policy.Cli.Inputs;

namespace CrossBorder.Policy.Cli.Verify;

/// <summary>The <c>--json</c> output of <c>verify</c> (documented in docs/cli.md).</summary>
internal static class VerifyJson
{
    public static void Write(Output output, VerifyReport report) => output.WriteJson(w =>
    {
        w.WriteStartObject();
        w.WriteString("command", "verify");
        w.WriteString("asOf", report.AsOf.ToString());
        if (report.WarnDays is { } days)
        {
            w.WriteNumber("warnDays", days);
        }
        else
        {
            w.WriteNull("warnDays");
        }

        w.WriteNumber("errors", report.Count(FindingSeverity.Error));
        w.WriteNumber("warnings", report.Count(FindingSeverity.Warning));
        w.WriteNumber("exitCode", report.ExitCode);
        w.WriteStartArray("files");
        foreach (var file in report.Files)
        {
            w.WriteStartObject();
            w.WriteString("path", file.Path);
            w.WriteString("kind", Kind(file.Kind));
            w.WriteString("subject", file.Subject);
            w.WriteString("digest", file.Digest);
            WriteFindings(w, "findings", file.Findings);
            w.WriteStartArray("authorizations");
            foreach (var a in file.Authorizations)
            {
                w.WriteStartObject();
                w.WriteString("id", a.Id);
                w.WriteString("mechanism", a.Mechanism.ToString());
                w.WriteString("exemption", a.Exemption.ToString());
                w.WriteString("reference", a.Reference);
                w.WriteString("recipient", a.Recipient);
                w.WriteString("issuedOn", a.IssuedOn?.ToString());
                w.WriteString("validUntil", a.ValidUntil?.ToString());
                w.WriteBoolean("validUntilComputed", a.ValidUntilComputed);
                w.WriteString("validity", a.Validity.ToString());
                if (a.DaysUntilExpiry is { } d)
                {
                    w.WriteNumber("daysUntilExpiry", d);
                }
                else
                {
                    w.WriteNull("daysUntilExpiry");
                }

                w.WriteString("jurisdiction", a.Jurisdiction);
                w.WriteString("jurisdictionSource", a.JurisdictionSource);
                w.WriteString("endpoint", a.Endpoint);
                w.WriteString("resolvedJurisdiction", a.ResolvedJurisdiction);
                w.WriteString("resolution", a.Resolution);
                w.WriteStartArray("categories");
                foreach (var c in a.Categories)
                {
                    w.WriteStringValue(c);
                }

                w.WriteEndArray();
                w.WriteBoolean("adequate", a.Adequate);
                w.WriteNumber("decisionRow", a.DecisionRow);
                w.WriteString("decision", a.DecisionExplanation);
                w.WriteStartArray("acceptableMechanisms");
                foreach (var m in a.AcceptableMechanisms)
                {
                    w.WriteStringValue(m.ToString());
                }

                w.WriteEndArray();
                w.WriteString("result", a.WorstSeverity switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "ok" });
                WriteFindings(w, "findings", a.Findings);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    internal static string Kind(InputKind kind) => kind switch
    {
        InputKind.PolicyFile => "policy-file",
        InputKind.TransferManifest => "transfer-manifest",
        _ => "data-directory",
    };

    private static void WriteFindings(Utf8JsonWriter w, string name, System.Collections.Generic.IReadOnlyList<Finding> findings)
    {
        w.WriteStartArray(name);
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("severity", f.Severity switch { FindingSeverity.Error => "error", FindingSeverity.Warning => "warning", _ => "info" });
            w.WriteString("code", f.Code);
            w.WriteString("subject", f.Subject);
            w.WriteString("location", f.Location);
            w.WriteString("message", f.Message);
            w.WriteStartArray("citations");
            foreach (var c in f.Citations)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
