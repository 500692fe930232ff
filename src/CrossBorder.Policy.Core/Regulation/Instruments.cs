using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Core.Regulation;

/// <summary>How well a statement of the law is confirmed, as tagged in the regulation research (docs/regulation.md §0).</summary>
public enum Confidence
{
    /// <summary><c>[P]</c>: read in a full-text transcription of the legal text.</summary>
    Primary,

    /// <summary><c>[S]</c>: read in a secondary source (reprint, translation, law-firm analysis); article and substance consistent.</summary>
    Secondary,

    /// <summary><c>[U]</c>: unconfirmed; such points are configuration (<see cref="RegulationOptions"/>), never hard-coded truth.</summary>
    Unconfirmed,
}

/// <summary>The legal instruments the rules cite.</summary>
public enum InstrumentId
{
    /// <summary>Personal Information Protection Law (个人信息保护法), effective 2021-11-01.</summary>
    Pipl,

    /// <summary>Data Security Law (数据安全法), effective 2021-09-01.</summary>
    Dsl,

    /// <summary>Cybersecurity Law, 2016 text (网络安全法), effective 2017-06-01 until the 2025 amendment.</summary>
    Csl2016,

    /// <summary>Cybersecurity Law, 2025 amendment (网络安全法（2025修正）), in force 2026-01-01 [S].</summary>
    Csl2025,

    /// <summary>Regulations on Network Data Security Management (网络数据安全管理条例), effective 2025-01-01.</summary>
    NetworkDataRegulations,

    /// <summary>Measures for Security Assessment of Outbound Data Transfer (数据出境安全评估办法), CAC Order No. 11, effective 2022-09-01.</summary>
    SecurityAssessmentMeasures,

    /// <summary>Measures on the Standard Contract for Outbound Transfer of Personal Information (个人信息出境标准合同办法), CAC Order No. 13, effective 2023-06-01.</summary>
    StandardContractMeasures,

    /// <summary>Provisions on Promoting and Regulating Cross-Border Data Flows (促进和规范数据跨境流动规定), CAC Order No. 16, effective 2024-03-22.</summary>
    Provisions,

    /// <summary>Measures on Certification for Outbound Personal Information (个人信息出境认证办法), CAC and SAMR, effective 2026-01-01.</summary>
    CertificationMeasures,
}

/// <summary>One legal instrument: its names, issuer and the dates it is in force.</summary>
public sealed class Instrument
{
    internal Instrument(
        InstrumentId id,
        string shortName,
        string name,
        string chineseName,
        string issuer,
        IsoDate effectiveFrom,
        IsoDate? effectiveUntil,
        Confidence confidence)
    {
        Id = id;
        ShortName = shortName;
        Name = name;
        ChineseName = chineseName;
        Issuer = issuer;
        EffectiveFrom = effectiveFrom;
        EffectiveUntil = effectiveUntil;
        Confidence = confidence;
    }

    public InstrumentId Id { get; }

    /// <summary>The name used in citations, for example <c>Provisions 2024</c>.</summary>
    public string ShortName { get; }

    /// <summary>The English title.</summary>
    public string Name { get; }

    /// <summary>The Chinese title, without book-title marks.</summary>
    public string ChineseName { get; }

    /// <summary>The issuing body and order number.</summary>
    public string Issuer { get; }

    /// <summary>The first day the instrument is in force.</summary>
    public IsoDate EffectiveFrom { get; }

    /// <summary>The first day the instrument (this text of it) is no longer in force, when it was replaced.</summary>
    public IsoDate? EffectiveUntil { get; }

    /// <summary>How well the text of the instrument was read (docs/regulation.md §1).</summary>
    public Confidence Confidence { get; }

    /// <summary>Whether this text is in force on <paramref name="date"/>.</summary>
    public bool IsInForce(IsoDate date) => date >= EffectiveFrom && (EffectiveUntil is not { } until || date < until);

    public override string ToString() => ShortName;
}

/// <summary>The catalogue of instruments, with their effective dates.</summary>
public static class Instruments
{
    private static readonly Instrument[] s_all =
    [
        new(InstrumentId.Pipl, "PIPL", "Personal Information Protection Law", "个人信息保护法", "NPCSC", new IsoDate(2021, 11, 1), null, Confidence.Primary),
        new(InstrumentId.Dsl, "DSL", "Data Security Law", "数据安全法", "NPCSC", new IsoDate(2021, 9, 1), null, Confidence.Primary),
        new(InstrumentId.Csl2016, "CSL 2016", "Cybersecurity Law (2016 text)", "网络安全法", "NPCSC", new IsoDate(2017, 6, 1), new IsoDate(2026, 1, 1), Confidence.Secondary),
        new(InstrumentId.Csl2025, "CSL 2025", "Cybersecurity Law (2025 amendment)", "网络安全法（2025修正）", "NPCSC", new IsoDate(2026, 1, 1), null, Confidence.Secondary),
        new(InstrumentId.NetworkDataRegulations, "NDSR", "Regulations on Network Data Security Management", "网络数据安全管理条例", "State Council", new IsoDate(2025, 1, 1), null, Confidence.Primary),
        new(InstrumentId.SecurityAssessmentMeasures, "SA Measures 2022", "Measures for Security Assessment of Outbound Data Transfer", "数据出境安全评估办法", "CAC Order No. 11", new IsoDate(2022, 9, 1), null, Confidence.Primary),
        new(InstrumentId.StandardContractMeasures, "SCC Measures 2023", "Measures on the Standard Contract for Outbound Transfer of Personal Information", "个人信息出境标准合同办法", "CAC Order No. 13", new IsoDate(2023, 6, 1), null, Confidence.Secondary),
        new(InstrumentId.Provisions, "Provisions 2024", "Provisions on Promoting and Regulating Cross-Border Data Flows", "促进和规范数据跨境流动规定", "CAC Order No. 16", new IsoDate(2024, 3, 22), null, Confidence.Secondary),
        new(InstrumentId.CertificationMeasures, "Cert. Measures 2025", "Measures on Certification for Outbound Personal Information", "个人信息出境认证办法", "CAC and SAMR", new IsoDate(2026, 1, 1), null, Confidence.Primary),
    ];

    /// <summary>Every instrument, in the order of <see cref="InstrumentId"/>.</summary>
    public static IReadOnlyList<Instrument> All => s_all;

    public static Instrument Get(InstrumentId id)
    {
        var index = (int)id;
        if (index < 0 || index >= s_all.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(id));
        }

        return s_all[index];
    }

    /// <summary>The instruments in force on <paramref name="date"/>.</summary>
    public static IReadOnlyList<Instrument> InForce(IsoDate date)
    {
        var result = new List<Instrument>();
        foreach (var instrument in s_all)
        {
            if (instrument.IsInForce(date))
            {
                result.Add(instrument);
            }
        }

        return result;
    }
}
