using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrossBorder.Policy.Analyzers.Tests;

/// <summary>Every analyzer of the analyzers assembly and their descriptors, for the suite-wide metadata and documentation tests.</summary>
internal static class AnalyzerDescriptors
{
    /// <summary>The concrete <see cref="DiagnosticAnalyzer"/> types with <see cref="DiagnosticAnalyzerAttribute"/>.</summary>
    public static IEnumerable<Type> AnalyzerTypes() =>
        typeof(RuleIdentifiers).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null);

    /// <summary>Every descriptor once (the first analyzer's, when two analyzers support one id), in id order.</summary>
    public static List<DiagnosticDescriptor> All() =>
        AnalyzerTypes()
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>The descriptor ids, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in All())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }
}
