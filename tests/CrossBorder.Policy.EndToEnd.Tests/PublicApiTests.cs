using System.Reflection;
using System.Runtime.Loader;
using CrossBorder.Policy.EndToEnd.Tests.Infrastructure;

namespace CrossBorder.Policy.EndToEnd.Tests;

/// <summary>Builds Consumer/ApiSurface.cs once, against the packed package, for net8.0 and net10.0.</summary>
public sealed class ApiSurfaceConsumer : IAsyncLifetime
{
    public const string Name = "ApiSurface";

    private readonly PackageFixture _package;

    public ApiSurfaceConsumer(PackageFixture package)
    {
        _package = package;
    }

    public ConsumerProject Project { get; private set; } = null!;

    public ProcessResult Build { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // A fixed as-of date: the declared authorizations' validity must not depend on the day the tests run.
        Project = ConsumerProject.Create(_package, Name, targetFrameworks: "net8.0;net10.0",
            properties: new Dictionary<string, string> { ["CrossBorderAsOfDate"] = "2026-06-01" });
        Project.WriteFile("ApiSurface.cs", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", "ApiSurface.cs")));
        Build = await Project.BuildAsync();
    }

    public ValueTask DisposeAsync()
    {
        Project?.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class PublicApiTests : IClassFixture<ApiSurfaceConsumer>
{
    private readonly PackageFixture _package;
    private readonly ApiSurfaceConsumer _consumer;

    public PublicApiTests(PackageFixture package, ApiSurfaceConsumer consumer)
    {
        _package = package;
        _consumer = consumer;
    }

    [Fact]
    public void ConsumerUsingEveryPublicNameBuildsWithWarningsAsErrorsAndNoWarning()
    {
        var build = _consumer.Build;
        Assert.True(build.Succeeded, $"The consumer of every public name does not build.\n{build}");

        // TreatWarningsAsErrors turns compiler warnings into errors; MSBuild and NuGet warnings stay warnings,
        // so look for any. This is also where CS8033 ("assembly does not contain any analyzers", for Core in
        // analyzers/) or CS9057 (analyzer built for a newer compiler) would show.
        var warnings = build.Output.Split('\n').Where(line => line.Contains(": warning ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(warnings.Count == 0, $"The consumer build has warnings:\n{string.Join("\n", warnings)}\n{build}");
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public void ConsumerBuildsForEachTargetFramework(string targetFramework)
    {
        Assert.True(_consumer.Build.Succeeded, $"The consumer does not build.\n{_consumer.Build}");
        Assert.True(File.Exists(_consumer.Project.OutputAssembly(targetFramework)),
            $"No {targetFramework} assembly at {_consumer.Project.OutputAssembly(targetFramework)}.\n{_consumer.Build}");
    }

    /// <summary>
    /// Reflects over CrossBorder.Policy.dll as restored from the package and over the consumer as built, and fails
    /// for every public type, constructor, settable property or enum member the consumer does not use.
    /// </summary>
    [Fact]
    public void ConsumerSourceCoversEveryPublicMemberOfThePackagedAssembly()
    {
        Assert.True(_consumer.Build.Succeeded, $"The consumer does not build.\n{_consumer.Build}");
        var policyPath = Path.Combine(_package.ExtractedPackageDirectory, "lib", "netstandard2.0", "CrossBorder.Policy.dll");
        Assert.True(File.Exists(policyPath), $"The restored package has no {policyPath}.");

        var context = new ConsumerLoadContext(policyPath);
        try
        {
            var policy = context.Policy;
            var consumer = context.LoadFromAssemblyPath(_consumer.Project.OutputAssembly("net10.0"));
            var used = AttributeUsages(consumer).ToList();
            Assert.NotEmpty(used);

            var missing = new List<string>();
            foreach (var type in policy.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (type.IsEnum)
                {
                    var usedValues = used.SelectMany(u => u.ConstructorArguments.Concat(u.NamedArguments.Select(n => n.TypedValue)))
                        .Where(a => a.ArgumentType == type)
                        .Select(a => Enum.ToObject(type, a.Value!))
                        .ToHashSet();
                    missing.AddRange(Enum.GetValues(type).Cast<object>().Where(v => !usedValues.Contains(v)).Select(v => $"{type.Name}.{v}"));
                }
                else if (typeof(Attribute).IsAssignableFrom(type))
                {
                    var usages = used.Where(u => u.AttributeType == type).ToList();
                    if (usages.Count == 0)
                    {
                        missing.Add($"[{type.Name}] is never applied");
                    }

                    foreach (var constructor in type.GetConstructors())
                    {
                        if (!usages.Any(u => u.Constructor.MetadataToken == constructor.MetadataToken))
                        {
                            missing.Add($"{type.Name}({string.Join(", ", constructor.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name))}) is never called");
                        }
                    }

                    var constructorParameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                    {
                        if (property.SetMethod is { IsPublic: true })
                        {
                            if (!usages.Any(u => u.NamedArguments.Any(n => n.MemberName == property.Name)))
                            {
                                missing.Add($"{type.Name}.{property.Name} is never set");
                            }
                        }
                        else if (!constructorParameters.Contains(property.Name))
                        {
                            missing.Add($"{type.Name}.{property.Name} is get-only and no constructor sets it: extend this check");
                        }
                    }

                    var otherMembers = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                        .Where(m => m is not ConstructorInfo and not PropertyInfo && !(m is MethodInfo { IsSpecialName: true }));
                    missing.AddRange(otherMembers.Select(m => $"{type.Name}.{m.Name} ({m.MemberType}) is not covered by this check: use it in Consumer/ApiSurface.cs and extend the check"));
                }
                else
                {
                    missing.Add($"{type.FullName} is neither an attribute nor an enum: use it in Consumer/ApiSurface.cs and extend this check");
                }
            }

            Assert.True(missing.Count == 0,
                "Consumer/ApiSurface.cs does not use every public member of CrossBorder.Policy:\n  " + string.Join("\n  ", missing));
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Every attribute applied anywhere in the consumer: assembly, types, members, parameters and return values.</summary>
    private static IEnumerable<CustomAttributeData> AttributeUsages(Assembly assembly)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var attribute in assembly.GetCustomAttributesData())
        {
            yield return attribute;
        }

        foreach (var type in assembly.GetTypes())
        {
            foreach (var attribute in type.GetCustomAttributesData())
            {
                yield return attribute;
            }

            foreach (var member in type.GetMembers(All))
            {
                foreach (var attribute in member.GetCustomAttributesData())
                {
                    yield return attribute;
                }

                if (member is MethodBase method)
                {
                    var parameters = method.GetParameters().AsEnumerable();
                    if (method is MethodInfo info)
                    {
                        parameters = parameters.Append(info.ReturnParameter);
                    }

                    foreach (var attribute in parameters.SelectMany(p => p.GetCustomAttributesData()))
                    {
                        yield return attribute;
                    }
                }
            }
        }
    }

    /// <summary>Loads the consumer and the packaged CrossBorder.Policy.dll apart from the test's own assemblies.</summary>
    private sealed class ConsumerLoadContext(string policyPath) : AssemblyLoadContext("crossborder-e2e-consumer", isCollectible: true)
    {
        private Assembly? _policy;

        public Assembly Policy => _policy ??= LoadFromAssemblyPath(policyPath);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == "CrossBorder.Policy" ? Policy : null;
    }
}
