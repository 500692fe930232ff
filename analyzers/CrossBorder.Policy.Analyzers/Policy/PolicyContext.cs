using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using CrossBorder.Policy.Core.Json;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.PolicyFile;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CrossBorder.Policy.Analyzers.Policy;

/// <summary>
/// What every analyzer of a compilation reads from outside the code: the policy file (parsed once per file
/// content with Core's <see cref="PolicyFileParser"/>, cached by <see cref="Provider"/>) and the as-of date.
/// </summary>
internal sealed class PolicyContext
{
    /// <summary>The metadata value of the policy file.</summary>
    public const string PolicyFileKind = "PolicyFile";

    /// <summary>The file name recognised when no additional file carries the metadata (tests, projects without the targets).</summary>
    public const string DefaultFileName = "crossborder.json";

    /// <summary>Parses a policy file once per content; shared by every analyzer of the assembly.</summary>
    public static readonly AdditionalTextValueProvider<PolicyFileParseResult?> Provider = new(Parse);

    private PolicyContext(ImmutableArray<(AdditionalText Text, PolicyFileParseResult? Result)> files, IsoDate asOf)
    {
        Files = files;
        AsOf = asOf;
    }

    /// <summary>Every policy file given to the project, in the order the compiler lists them.</summary>
    public ImmutableArray<(AdditionalText Text, PolicyFileParseResult? Result)> Files { get; }

    /// <summary>The policy file that counts: the first one (more than one is CBDT9021).</summary>
    public PolicyFileParseResult? Primary => Files.IsEmpty ? null : Files[0].Result;

    public PolicyDocument? Document => Primary?.Document;

    /// <summary>
    /// The date expiry is checked against: <c>build_property.CrossBorderAsOfDate</c>, or, when it is missing or not a
    /// valid <c>yyyy-MM-dd</c> date, today's UTC date from the machine's clock (the one clock the analyzers read; the
    /// package reports the invalid property as CBDT9101).
    /// </summary>
    public IsoDate AsOf { get; }

    /// <summary>
    /// The shape of <c>CompilationStartAnalysisContext.TryGetValue</c> for the policy file, so that an analyzer passes
    /// the method group: <c>PolicyContext.Create(start.Options, start.TryGetValue)</c>. (A helper taking the start
    /// context itself would trip RS1012, a start action that registers nothing.)
    /// </summary>
    public delegate bool PolicyFileReader(AdditionalText text, AdditionalTextValueProvider<PolicyFileParseResult?> provider, out PolicyFileParseResult? value);

    /// <summary>Reads the context through the start context's <c>TryGetValue</c> with <see cref="Provider"/>, so each file is parsed once per compilation host.</summary>
    public static PolicyContext Create(AnalyzerOptions options, PolicyFileReader tryGetValue) =>
        Create(options, text => tryGetValue(text, Provider, out var result) ? result : null);

    /// <summary>Reads the context; <paramref name="read"/> is the start context's <c>TryGetValue</c> with <see cref="Provider"/>, so each file is parsed once.</summary>
    public static PolicyContext Create(AnalyzerOptions options, Func<AdditionalText, PolicyFileParseResult?> read)
    {
        var files = ImmutableArray.CreateBuilder<(AdditionalText, PolicyFileParseResult?)>();
        foreach (var text in FindPolicyFiles(options))
        {
            files.Add((text, read(text)));
        }

        return new PolicyContext(files.ToImmutable(), ReadAsOf(options));
    }

    /// <summary>The policy files: additional files with the metadata, or, when none has it, those named <c>crossborder.json</c>.</summary>
    public static ImmutableArray<AdditionalText> FindPolicyFiles(AnalyzerOptions options)
    {
        var marked = ImmutableArray.CreateBuilder<AdditionalText>();
        var named = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (var text in options.AdditionalFiles)
        {
            if (options.AnalyzerConfigOptionsProvider.GetOptions(text).TryGetValue(AnalyzerOptionKeys.PolicyFileKind, out var kind)
                && string.Equals(kind.Trim(), PolicyFileKind, StringComparison.OrdinalIgnoreCase))
            {
                marked.Add(text);
            }
            else if (string.Equals(Path.GetFileName(text.Path), DefaultFileName, StringComparison.OrdinalIgnoreCase))
            {
                named.Add(text);
            }
        }

        return marked.Count > 0 ? marked.ToImmutable() : named.ToImmutable();
    }

    public static IsoDate ReadAsOf(AnalyzerOptions options)
    {
        return AnalyzerOptionKeys.TryGetAsOfDate(options.AnalyzerConfigOptionsProvider.GlobalOptions, out var date) ? date : Today();
    }

    /// <summary>Today's UTC date: the documented fallback of the as-of date, and the only read of the clock.</summary>
    public static IsoDate Today()
    {
#pragma warning disable RS1035 // The documented fallback: no as-of date configured means today.
        return IsoDate.FromDateTime(DateTime.UtcNow.Date);
#pragma warning restore RS1035
    }

    /// <summary>The location of a 1-based line and column in <paramref name="text"/>: one character, or an empty span at the end.</summary>
    public static Location GetLocation(AdditionalText file, SourceText? text, TextPosition position)
    {
        if (text is null || text.Lines.Count == 0)
        {
            return Location.None;
        }

        var lineIndex = Math.Min(Math.Max(position.Line - 1, 0), text.Lines.Count - 1);
        var line = text.Lines[lineIndex];
        var start = Math.Min(line.Start + Math.Max(position.Column - 1, 0), line.End);
        var span = new TextSpan(start, start < line.End ? 1 : 0);
        return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }

    private static PolicyFileParseResult? Parse(AdditionalText text)
    {
        var source = text.GetText();
        return source is null ? null : PolicyFileParser.Parse(source.ToString(), text.Path);
    }
}

