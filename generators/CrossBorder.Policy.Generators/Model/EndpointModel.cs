using CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Generators.Model;

/// <summary>One endpoint binding: code (or the policy file) bound to a foreign or domestic host.</summary>
/// <remarks>
/// Cacheability: strings and bools only. <see cref="TargetId"/> is a documentation comment id, <c>assembly</c>
/// or <c>crossborder.json</c>, never a location.
/// </remarks>
internal sealed record EndpointModel
{
    /// <summary>What the binding is on: a documentation comment id, <c>assembly</c>, or <c>crossborder.json</c>.</summary>
    public string TargetId { get; init; } = string.Empty;

    /// <summary><c>attribute</c> or <c>crossborder.json</c>.</summary>
    public string Source { get; init; } = string.Empty;

    public bool Foreign { get; init; }

    public string? Jurisdiction { get; init; }

    public string? Host { get; init; }

    public string? Recipient { get; init; }

    /// <summary>Names of fields whose values are invalid (for example an unassigned jurisdiction code), ordinally sorted.</summary>
    public EquatableArray<string> InvalidFields { get; init; } = EquatableArray<string>.Empty;
}
