using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrossBorder.Policy.Generators;
using Microsoft.CodeAnalysis;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>
/// The generator's tracked step reasons after an incremental run (the driver is created with
/// <c>trackIncrementalGeneratorSteps: true</c>), checked against what an edit should do: after an unrelated edit every
/// named step is <c>Cached</c> or <c>Unchanged</c> and every output step <c>Cached</c> (the generator costs nothing
/// but Roslyn's own re-parse and predicates); after a relevant edit the named steps that read the edited declaration
/// are <c>Modified</c> or <c>New</c> and every other named step is still <c>Cached</c> or <c>Unchanged</c>. A step with
/// no input in the corpus (no <c>[DataProcessor]</c>, for example) has no outputs and is not checked.
/// A mismatch throws: the benchmark and the typing simulation stop rather than report a time for the wrong work.
/// </summary>
internal static class GeneratorSteps
{
    /// <summary>Every tracking name of <see cref="CrossBorderGenerator.StepNames"/>.</summary>
    public static readonly IReadOnlyList<string> Names = new[]
    {
        CrossBorderGenerator.StepNames.Options, CrossBorderGenerator.StepNames.CompilationInfo, CrossBorderGenerator.StepNames.Classifications,
        CrossBorderGenerator.StepNames.Endpoints, CrossBorderGenerator.StepNames.Transfers, CrossBorderGenerator.StepNames.Processor,
        CrossBorderGenerator.StepNames.ReferencedAssemblies, CrossBorderGenerator.StepNames.PolicyFile, CrossBorderGenerator.StepNames.TypeDeclarations,
        CrossBorderGenerator.StepNames.TypeShapeCandidates, CrossBorderGenerator.StepNames.TypeShapes,
        CrossBorderGenerator.StepNames.DirectoryModel,
    };

    /// <summary>Per named step, how many of its outputs ran for each reason.</summary>
    public static SortedDictionary<string, SortedDictionary<IncrementalStepRunReason, int>> Reasons(GeneratorDriverRunResult run)
    {
        var result = Single(run);
        var reasons = new SortedDictionary<string, SortedDictionary<IncrementalStepRunReason, int>>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            var counts = new SortedDictionary<IncrementalStepRunReason, int>();
            if (result.TrackedSteps.TryGetValue(name, out var steps))
            {
                foreach (var (_, reason) in steps.SelectMany(static s => s.Outputs))
                {
                    counts[reason] = counts.GetValueOrDefault(reason) + 1;
                }
            }

            reasons[name] = counts;
        }

        return reasons;
    }

    /// <summary>
    /// One line for a table: the named steps that did work (<c>Modified</c>, <c>New</c>, <c>Removed</c>), with counts,
    /// or "all cached"; then the output steps' reasons.
    /// </summary>
    public static string Describe(GeneratorDriverRunResult run)
    {
        var changed = Reasons(run)
            .Select(p => (p.Key, Work: p.Value.Where(static r => IsWork(r.Key)).ToList()))
            .Where(p => p.Work.Count > 0)
            .Select(p => p.Key + "=" + string.Join("+", p.Work.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}:{r.Value}"))))
            .ToList();
        var outputs = OutputReasons(run);
        var outputText = string.Join(" ", outputs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}:{r.Value}")));
        return (changed.Count == 0 ? "all cached/unchanged" : string.Join(" ", changed)) + "; outputs " + outputText + "; slowest " + Slowest(run);
    }

    /// <summary>The three named steps that took the longest in this run (<see cref="IncrementalGeneratorRunStep.ElapsedTime"/>, summed over their runs).</summary>
    public static string Slowest(GeneratorDriverRunResult run)
    {
        var result = Single(run);
        var slowest = Names
            .Where(result.TrackedSteps.ContainsKey)
            .Select(name => (Name: name, Ms: result.TrackedSteps[name].Sum(static s => s.ElapsedTime.TotalMilliseconds)))
            .OrderByDescending(static p => p.Ms)
            .Take(3)
            .Select(static p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Ms:F1} ms"))
            .ToList();
        return slowest.Count == 0 ? "-" : string.Join(", ", slowest);
    }

    public static void AssertUnrelated(GeneratorDriverRunResult run, string edit)
    {
        var problems = new List<string>();
        foreach (var (name, counts) in Reasons(run))
        {
            // A step with no input in this corpus (no [DataProcessor], no policy file, no type holding another user
            // type) has no outputs to track; the directory model always has one.
            if (counts.Count == 0 && name == CrossBorderGenerator.StepNames.DirectoryModel)
            {
                problems.Add(name + " was not tracked");
            }

            problems.AddRange(counts.Where(static r => IsWork(r.Key)).Select(r => string.Create(CultureInfo.InvariantCulture, $"{name} was {r.Key} ({r.Value})")));
        }

        problems.AddRange(OutputReasons(run).Where(static r => r.Key != IncrementalStepRunReason.Cached)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"an output step was {r.Key} ({r.Value})")));
        Throw(problems, "an unrelated edit (" + edit + ")", run);
    }

    /// <summary>
    /// Throws unless each step of <paramref name="modified"/> has a Modified or New output, every other named step is
    /// Cached or Unchanged, and the source output ran (Modified).
    /// </summary>
    public static void AssertRelevant(GeneratorDriverRunResult run, string edit, params string[] modified)
    {
        var problems = new List<string>();
        foreach (var (name, counts) in Reasons(run))
        {
            var expectChange = modified.Contains(name, StringComparer.Ordinal);
            if (expectChange && !counts.Keys.Any(static r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New))
            {
                problems.Add(name + " should be Modified or New but was " + Format(counts));
            }
            else if (!expectChange && counts.Keys.Any(IsWork))
            {
                problems.Add(name + " should be Cached or Unchanged but was " + Format(counts));
            }
        }

        if (!OutputReasons(run).ContainsKey(IncrementalStepRunReason.Modified))
        {
            problems.Add("no output step was Modified");
        }

        Throw(problems, "a relevant edit (" + edit + ")", run);
    }

    private static SortedDictionary<IncrementalStepRunReason, int> OutputReasons(GeneratorDriverRunResult run)
    {
        var counts = new SortedDictionary<IncrementalStepRunReason, int>();
        foreach (var (_, reason) in Single(run).TrackedOutputSteps.SelectMany(static p => p.Value).SelectMany(static s => s.Outputs))
        {
            counts[reason] = counts.GetValueOrDefault(reason) + 1;
        }

        return counts;
    }

    private static bool IsWork(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New or IncrementalStepRunReason.Removed;

    private static string Format(SortedDictionary<IncrementalStepRunReason, int> counts) =>
        counts.Count == 0 ? "not tracked" : string.Join(", ", counts.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}:{r.Value}")));

    private static GeneratorRunResult Single(GeneratorDriverRunResult run) =>
        run.Results.Length == 1 ? run.Results[0] : throw new InvalidOperationException("expected one generator in the driver, found " + run.Results.Length.ToString(CultureInfo.InvariantCulture));

    private static void Throw(List<string> problems, string what, GeneratorDriverRunResult run)
    {
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("generator step reasons after " + what + " are wrong: " + string.Join("; ", problems) + " [" + Describe(run) + "]");
        }
    }
}
