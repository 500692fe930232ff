using System.Globalization;
using CrossBorder.Policy.Core.Json;

namespace CrossBorder.Policy.Core.PolicyFile;

/// <summary>How serious a <see cref="PolicyDiagnostic"/> is.</summary>
public enum PolicyDiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One problem found in a policy file, or between the policy file and attribute declarations: the file, the
/// 1-based line and column, the id (<see cref="PolicyDiagnosticIds"/>) and a message that names the JSON path and
/// says what was expected. Hosts map it to a Roslyn diagnostic or to MSBuild/CLI output.
/// </summary>
/// <param name="Id">The id, <c>CBDT9001</c> to <c>CBDT9049</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="FilePath">The policy file's path as given to the parser.</param>
/// <param name="Position">Where the offending value (or property name) starts.</param>
/// <param name="Message">The message, starting with the JSON path, for example <c>transfers[2].issuedOn: ...</c>.</param>
/// <param name="AdditionalLocation">For conflicts with attributes: where the attribute is (free text from the host).</param>
public sealed record PolicyDiagnostic(
    string Id,
    PolicyDiagnosticSeverity Severity,
    string FilePath,
    TextPosition Position,
    string Message,
    string? AdditionalLocation = null)
{
    /// <summary>The MSBuild canonical form: <c>path(line,column): error CBDT9005: message</c>.</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}({1},{2}): {3} {4}: {5}",
        FilePath,
        Position.Line,
        Position.Column,
        Severity == PolicyDiagnosticSeverity.Error ? "error" : "warning",
        Id,
        Message);
}
