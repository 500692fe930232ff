using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace CrossBorder.Policy.Cli.Diff;

/// <summary>Writes a <see cref="ManifestDiff"/> as Markdown (for a pull-request comment), plain text or JSON.</summary>
internal static class DiffRenderers
{
    public static string Markdown(ManifestDiff diff)
    {
        var s = new StringBuilder();
        s.Append("## crossborder diff\n\n");
        s.Append("Comparing `").Append(diff.OldPath).Append("` with `").Append(diff.NewPath).Append("` (").Append(diff.Kind.Replace('-', ' ')).Append(").\n\n");
        if (diff.NewUnauthorized.Count > 0)
        {
            s.Append("> [!CAUTION]\n> **").Append(Count(diff.NewUnauthorized.Count, "new flow leaves", "new flows leave")).Append(" without authorization.**\n");
            foreach (var flow in diff.NewUnauthorized)
            {
                s.Append("> - `").Append(flow.FlowId).Append("` ").Append(Md(Was(flow))).Append(": ").Append(Md(flow.Message)).Append('\n');
            }

            s.Append('\n');
        }

        if (diff.IsEmpty)
        {
            s.Append("No differences.\n");
            return s.ToString();
        }

        Section(s, "Processor", diff.Processor.Count == 0 ? null : new[] { new ItemChange(ChangeKind.Changed, "processor", string.Empty, diff.Processor) });
        Section(s, "Authorizations", diff.Authorizations);
        if (diff.NewCategoriesAbroad.Count > 0)
        {
            s.Append("### New data categories going abroad\n\n| Category | Jurisdiction | Flows |\n|---|---|---|\n");
            foreach (var c in diff.NewCategoriesAbroad)
            {
                s.Append("| `").Append(Md(c.Category)).Append("` | ").Append(Md(Verify.Names.Country(c.Jurisdiction == "unknown" ? null : c.Jurisdiction))).Append(" | ")
                    .Append(string.Join(", ", c.FlowIds.Select(f => "`" + Md(f) + "`"))).Append(" |\n");
            }

            s.Append('\n');
        }

        Section(s, "Flows", diff.Flows);
        Section(s, "Directory entries", diff.Entries);
        Section(s, "Endpoint bindings", diff.Endpoints);
        s.Append(Summary(diff)).Append('\n');
        return s.ToString();
    }

    public static string Text(ManifestDiff diff)
    {
        var s = new StringBuilder();
        s.Append("crossborder diff: ").Append(diff.OldPath).Append(" -> ").Append(diff.NewPath).Append(" (").Append(diff.Kind.Replace('-', ' ')).Append(")\n");
        foreach (var flow in diff.NewUnauthorized)
        {
            s.Append("NEW UNAUTHORIZED ").Append(flow.FlowId).Append(' ').Append(Was(flow)).Append(": ").Append(flow.Message).Append('\n');
        }

        if (diff.IsEmpty)
        {
            s.Append("No differences.\n");
            return s.ToString();
        }

        foreach (var change in diff.Processor)
        {
            s.Append("~ processor.").Append(change.Field).Append(": ").Append(change.Old ?? "(none)").Append(" -> ").Append(change.New ?? "(none)").Append('\n');
        }

        TextSection(s, "authorization", diff.Authorizations);
        foreach (var c in diff.NewCategoriesAbroad)
        {
            s.Append("+ category ").Append(c.Category).Append(" now goes to ").Append(Verify.Names.Country(c.Jurisdiction == "unknown" ? null : c.Jurisdiction)).Append(" (").Append(string.Join(", ", c.FlowIds)).Append(")\n");
        }

        TextSection(s, "flow", diff.Flows);
        TextSection(s, "entry", diff.Entries);
        TextSection(s, "endpoint", diff.Endpoints);
        s.Append(Summary(diff)).Append('\n');
        return s.ToString();
    }

    public static void Json(Output output, ManifestDiff diff, int exitCode) => output.WriteJson(w =>
    {
        w.WriteStartObject();
        w.WriteString("command", "diff");
        w.WriteString("old", diff.OldPath);
        w.WriteString("new", diff.NewPath);
        w.WriteString("kind", diff.Kind);
        w.WriteNumber("exitCode", exitCode);
        w.WriteStartArray("newUnauthorized");
        foreach (var flow in diff.NewUnauthorized)
        {
            w.WriteStartObject();
            w.WriteString("flowId", flow.FlowId);
            w.WriteString("status", flow.Status.ToString());
            w.WriteString("oldStatus", flow.OldStatus?.ToString());
            w.WriteString("message", flow.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteFields(w, "processor", diff.Processor);
        WriteChanges(w, "authorizations", diff.Authorizations);
        w.WriteStartArray("newCategoriesAbroad");
        foreach (var c in diff.NewCategoriesAbroad)
        {
            w.WriteStartObject();
            w.WriteString("category", c.Category);
            w.WriteString("jurisdiction", c.Jurisdiction);
            w.WriteStartArray("flows");
            foreach (var f in c.FlowIds)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteChanges(w, "flows", diff.Flows);
        WriteChanges(w, "entries", diff.Entries);
        WriteChanges(w, "endpoints", diff.Endpoints);
        w.WriteEndObject();
    });

    private static void WriteChanges(Utf8JsonWriter w, string name, IReadOnlyList<ItemChange> changes)
    {
        w.WriteStartArray(name);
        foreach (var c in changes)
        {
            w.WriteStartObject();
            w.WriteString("change", c.Kind.ToString().ToLowerInvariant());
            w.WriteString("id", c.Id);
            w.WriteString("summary", c.Summary);
            WriteFields(w, "fields", c.Fields);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteFields(Utf8JsonWriter w, string name, IReadOnlyList<FieldChange> fields)
    {
        w.WriteStartArray(name);
        foreach (var f in fields)
        {
            w.WriteStartObject();
            w.WriteString("field", f.Field);
            w.WriteString("old", f.Old);
            w.WriteString("new", f.New);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Section(StringBuilder s, string title, IReadOnlyList<ItemChange>? changes)
    {
        if (changes is null || changes.Count == 0)
        {
            return;
        }

        s.Append("### ").Append(title).Append("\n\n| Change | Id | Details |\n|---|---|---|\n");
        foreach (var c in changes)
        {
            var details = c.Kind == ChangeKind.Changed
                ? string.Join("<br>", c.Fields.Select(f => "**" + f.Field + "**: " + Value(f.Old) + " → " + Value(f.New)))
                : Md(c.Summary);
            s.Append("| ").Append(Badge(c.Kind)).Append(" | `").Append(Md(c.Id)).Append("` | ").Append(details).Append(" |\n");
        }

        s.Append('\n');
    }

    private static void TextSection(StringBuilder s, string noun, IReadOnlyList<ItemChange> changes)
    {
        foreach (var c in changes)
        {
            var sign = c.Kind switch { ChangeKind.Added => "+", ChangeKind.Removed => "-", _ => "~" };
            s.Append(sign).Append(' ').Append(noun).Append(' ').Append(c.Id);
            if (c.Kind == ChangeKind.Changed)
            {
                s.Append('\n');
                foreach (var f in c.Fields)
                {
                    s.Append("    ").Append(f.Field).Append(": ").Append(f.Old ?? "(none)").Append(" -> ").Append(f.New ?? "(none)").Append('\n');
                }
            }
            else
            {
                s.Append(": ").Append(c.Summary).Append('\n');
            }
        }
    }

    private static string Summary(ManifestDiff diff)
    {
        static int N(IReadOnlyList<ItemChange> changes, ChangeKind kind) => changes.Count(c => c.Kind == kind);
        var parts = new List<string>();
        if (diff.Kind == "transfer-manifest")
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, "authorizations {0} added, {1} removed, {2} changed", N(diff.Authorizations, ChangeKind.Added), N(diff.Authorizations, ChangeKind.Removed), N(diff.Authorizations, ChangeKind.Changed)));
            parts.Add(string.Format(CultureInfo.InvariantCulture, "flows {0} added, {1} removed, {2} changed", N(diff.Flows, ChangeKind.Added), N(diff.Flows, ChangeKind.Removed), N(diff.Flows, ChangeKind.Changed)));
            parts.Add(Count(diff.NewCategoriesAbroad.Count, "new category destination", "new category destinations"));
            parts.Add(Count(diff.NewUnauthorized.Count, "new unauthorized flow", "new unauthorized flows"));
        }
        else
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, "entries {0} added, {1} removed, {2} changed", N(diff.Entries, ChangeKind.Added), N(diff.Entries, ChangeKind.Removed), N(diff.Entries, ChangeKind.Changed)));
            parts.Add(string.Format(CultureInfo.InvariantCulture, "endpoints {0} added, {1} removed, {2} changed", N(diff.Endpoints, ChangeKind.Added), N(diff.Endpoints, ChangeKind.Removed), N(diff.Endpoints, ChangeKind.Changed)));
        }

        return "Summary: " + string.Join("; ", parts) + ".";
    }

    private static string Was(UnauthorizedFlow flow) =>
        flow.OldStatus is { } old ? "(" + old.ToString() + " -> " + flow.Status.ToString() + ")" : "(new flow, " + flow.Status.ToString() + ")";

    private static string Badge(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "➕ added",
        ChangeKind.Removed => "➖ removed",
        _ => "✏️ changed",
    };

    private static string Value(string? value) => value is null ? "_(none)_" : "`" + Md(value) + "`";

    private static string Count(int count, string singular, string plural) => count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    /// <summary>Escapes what would break a Markdown table cell.</summary>
    private static string Md(string text) => text.Replace("|", "\\|", System.StringComparison.Ordinal).Replace("\n", " ", System.StringComparison.Ordinal);
}
