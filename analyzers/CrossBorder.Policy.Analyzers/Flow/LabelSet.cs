using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace CrossBorder.Policy.Analyzers.Flow;

/// <summary>
/// The data classes a value carries and where they came from. Tags are <c>"PersonalInformation"</c>,
/// <c>"SensitivePersonalInformation:MedicalHealth"</c>, <c>"ImportantData:BIO-001"</c> or <c>"CoreData"</c>
/// (the vocabulary of <c>CrossBorderTransferAttribute.Categories</c>); origins are <c>"Person.Email"</c>-style
/// member names for messages. Both sets are bounded so that fixpoints terminate.
/// </summary>
internal sealed class LabelSet : IEquatable<LabelSet>
{
    public const string PersonalInformation = "PersonalInformation";
    public const string SensitivePersonalInformation = "SensitivePersonalInformation";
    public const string ImportantData = "ImportantData";
    public const string CoreData = "CoreData";

    /// <summary>Bound on the origins kept per value; the smallest names (ordinal) are kept, deterministically.</summary>
    public const int MaxOrigins = 8;

    public static readonly LabelSet Empty = new(ImmutableSortedSet.Create<string>(StringComparer.Ordinal), ImmutableSortedSet.Create<string>(StringComparer.Ordinal));

    private LabelSet(ImmutableSortedSet<string> tags, ImmutableSortedSet<string> origins)
    {
        Tags = tags;
        Origins = origins;
    }

    public ImmutableSortedSet<string> Tags { get; }

    public ImmutableSortedSet<string> Origins { get; }

    public bool IsEmpty => Tags.IsEmpty;

    public static LabelSet Create(string tag, string origin)
    {
        return new LabelSet(Empty.Tags.Add(tag), Empty.Origins.Add(origin));
    }

    public static string ClassOf(string tag)
    {
        var colon = tag.IndexOf(':');
        return colon < 0 ? tag : tag.Substring(0, colon);
    }

    public bool HasClass(string dataClass)
    {
        foreach (var tag in Tags)
        {
            if (string.Equals(ClassOf(tag), dataClass, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public LabelSet Union(LabelSet other)
    {
        if (other.IsEmpty && other.Origins.IsEmpty)
        {
            return this;
        }

        if (IsEmpty && Origins.IsEmpty)
        {
            return other;
        }

        var origins = Origins.Union(other.Origins);
        while (origins.Count > MaxOrigins)
        {
            origins = origins.Remove(origins.Max!);
        }

        return new LabelSet(Tags.Union(other.Tags), origins);
    }

    /// <summary>Keeps only the tags whose class satisfies <paramref name="keep"/>; origins stay only if a tag stays.</summary>
    public LabelSet Filter(Func<string, bool> keep)
    {
        var tags = ImmutableSortedSet.CreateRange(StringComparer.Ordinal, Tags.Where(t => keep(ClassOf(t))));
        if (tags.Count == Tags.Count)
        {
            return this;
        }

        return tags.IsEmpty ? Empty : new LabelSet(tags, Origins);
    }

    /// <summary>Keeps only the tags that satisfy <paramref name="keep"/> (whole tags, not classes); origins stay only if a tag stays.</summary>
    public LabelSet FilterTags(Func<string, bool> keep)
    {
        var tags = ImmutableSortedSet.CreateRange(StringComparer.Ordinal, Tags.Where(keep));
        if (tags.Count == Tags.Count)
        {
            return this;
        }

        return tags.IsEmpty ? Empty : new LabelSet(tags, Origins);
    }

    /// <summary>A readable name of the data, for example <c>"personal information"</c> or <c>"important data (BIO-001)"</c>.</summary>
    public string Describe(Func<string, bool>? includeClass = null)
    {
        var builder = new StringBuilder();
        foreach (var tag in Tags)
        {
            var dataClass = ClassOf(tag);
            if (includeClass is not null && !includeClass(dataClass))
            {
                continue;
            }

            var text = dataClass switch
            {
                PersonalInformation => "personal information",
                SensitivePersonalInformation => "sensitive personal information",
                ImportantData => "important data",
                CoreData => "core data",
                _ => dataClass,
            };
            if (tag.Length > dataClass.Length)
            {
                text += " (" + tag.Substring(dataClass.Length + 1) + ")";
            }

            if (builder.Length > 0)
            {
                builder.Append(", ");
            }

            builder.Append(text);
        }

        if (builder.Length > 0)
        {
            builder[0] = char.ToUpperInvariant(builder[0]);
        }

        return builder.ToString();
    }

    public string DescribeOrigins()
    {
        return Origins.IsEmpty ? "an unknown member" : "'" + string.Join("', '", Origins) + "'";
    }

    public bool Equals(LabelSet? other)
    {
        return other is not null && Tags.SetEquals(other.Tags) && Origins.SetEquals(other.Origins);
    }

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var tag in Tags)
        {
            hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(tag);
        }

        return hash;
    }

    public override string ToString() => string.Join("|", Tags) + "@" + string.Join("|", Origins);
}
