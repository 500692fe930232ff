using BenchmarkDotNet.Attributes;
using CrossBorder.Policy.Core.Model;
using CrossBorder.Policy.Core.Regulation;

namespace CrossBorder.Policy.Benchmarks;

/// <summary>The mechanism decision engine on representative transfers (one per main branch of the decision).</summary>
[Config(typeof(FastConfig))]
public class DecisionEngineBenchmarks
{
    private static readonly IsoDate AsOf = IsoDate.Parse("2026-06-01");

    private readonly TransferFacts _generalOnly = new() { AsOf = AsOf, DataClasses = new[] { DataClass.GeneralData } };

    private readonly TransferFacts _personalBelowThreshold = new() { AsOf = AsOf, DataClasses = new[] { DataClass.PersonalInformation }, NonSensitiveSubjects = 50_000 };

    private readonly TransferFacts _personalStandardContract = new() { AsOf = AsOf, DataClasses = new[] { DataClass.PersonalInformation }, NonSensitiveSubjects = 300_000 };

    private readonly TransferFacts _sensitiveAssessment = new()
    {
        AsOf = AsOf,
        DataClasses = new[] { DataClass.PersonalInformation, DataClass.SensitivePersonalInformation },
        SensitiveCategories = new[] { Core.Model.SensitiveCategory.MedicalHealth },
        NonSensitiveSubjects = 2_000_000,
        SensitiveSubjects = 20_000,
    };

    private readonly TransferFacts _importantData = new() { AsOf = AsOf, DataClasses = new[] { DataClass.ImportantData } };

    [Benchmark(Baseline = true)]
    public MechanismDecision GeneralDataOnly() => MechanismDecisionEngine.Decide(_generalOnly);

    [Benchmark]
    public MechanismDecision PersonalBelowThreshold() => MechanismDecisionEngine.Decide(_personalBelowThreshold);

    [Benchmark]
    public MechanismDecision PersonalStandardContract() => MechanismDecisionEngine.Decide(_personalStandardContract);

    [Benchmark]
    public MechanismDecision SensitiveSecurityAssessment() => MechanismDecisionEngine.Decide(_sensitiveAssessment);

    [Benchmark]
    public MechanismDecision ImportantData() => MechanismDecisionEngine.Decide(_importantData);
}
