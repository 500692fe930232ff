using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>
/// In-process jobs: BenchmarkDotNet's default toolchain generates and builds a project, which inside this repository
/// would inherit Directory.Build.props (warnings as errors, every analyzer) and cost a build per run.
/// </summary>
public sealed class FastConfig : ManualConfig
{
    public FastConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("short-inproc"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>For operations of a second or more (a whole compilation): one invocation per iteration, few iterations.</summary>
public sealed class HeavyConfig : ManualConfig
{
    public HeavyConfig()
    {
        AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithInvocationCount(1).WithUnrollFactor(1)
            .WithId("heavy-inproc"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
