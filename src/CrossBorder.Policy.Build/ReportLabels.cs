using System;
using System.Collections.Generic;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Core.Model;

namespace CrossBorder.Policy.Build;

/// <summary>
/// The report vocabulary in English and Simplified Chinese. Chinese headings use the legal terms of PIPL, the DSL and
/// the 2024 Provisions (重要数据目录, 数据出境清单, 个人信息, 敏感个人信息, 重要数据, 核心数据, 境外接收方, 评估编号 ...).
/// In <see cref="ReportLanguage.Both"/> a label reads <c>中文 / English</c>.
/// </summary>
public static class ReportLabels
{
    /// <summary>Every label, by key (the key is the template variable: <c>l.valid_until</c>).</summary>
    public static IReadOnlyList<KeyValuePair<string, (string En, string Zh)>> Text { get; } = new KeyValuePair<string, (string, string)>[]
    {
        L("data_directory_title", "Data directory: important data and personal information", "重要数据目录与个人信息清单"),
        L("transfers_title", "Outbound data transfer inventory", "数据出境清单"),
        L("assembly", "Assembly", "程序集"),
        L("directory_type", "Generated directory type", "生成的目录类型"),
        L("manifest_format", "Manifest format", "清单格式"),
        L("digest", "SHA-256 digest", "SHA-256 摘要"),
        L("generated_note", "Generated at build time by CrossBorder.Policy from the manifest embedded in the assembly. It records the declarations in the code and the flows found by analysis; it is not legal advice.", "本报告由 CrossBorder.Policy 在构建时根据程序集中嵌入的清单生成，记录代码中的声明及分析发现的数据出境路径，不构成法律意见。"),
        L("summary", "Summary", "概要"),
        L("processor", "Data processor", "数据处理者"),
        L("processor_name", "Name", "名称"),
        L("ciio", "Critical information infrastructure operator", "关键信息基础设施运营者"),
        L("free_trade_zone", "Free trade zone", "自由贸易试验区"),
        L("no_processor", "No processor profile is declared.", "未声明数据处理者信息。"),
        L("yes", "Yes", "是"),
        L("no", "No", "否"),
        L("none", "None", "无"),
        L("not_declared", "Not declared", "未声明"),
        L("count", "Count", "数量"),
        L("entries", "Classified types and members", "分类数据条目"),
        L("no_entries", "No classified type or member is declared.", "未声明任何分类数据。"),
        L("endpoints", "Endpoint bindings", "端点绑定"),
        L("no_endpoints", "No endpoint binding is declared.", "未声明任何端点绑定。"),
        L("id", "Id", "标识"),
        L("kind", "Kind", "符号类型"),
        L("name", "Name", "名称"),
        L("containing_type", "Containing type", "所属类型"),
        L("referenced_assembly", "Declared in assembly", "声明所在程序集"),
        L("description", "Description", "说明"),
        L("data_classes", "Data classes", "数据类别"),
        L("declared_classes", "Declared classes", "声明的数据类别"),
        L("inherited_classes", "Classes carried through members", "通过成员携带的数据类别"),
        L("inherited_from", "Carried from", "来源成员"),
        L("personal_information", "Personal information", "个人信息"),
        L("pi_category", "Personal information category", "个人信息类别"),
        L("sensitive_personal_information", "Sensitive personal information", "敏感个人信息"),
        L("sensitive_categories", "Sensitive personal information categories", "敏感个人信息类别"),
        L("important_data", "Important data", "重要数据"),
        L("important_data_evidence", "Important data (catalogue evidence)", "重要数据（目录依据）"),
        L("catalog_entry", "Catalogue entry", "目录条目"),
        L("catalog", "Catalogue", "目录"),
        L("catalog_version", "Catalogue version", "目录版本"),
        L("notified_by", "Notified by", "告知部门"),
        L("notified_on", "Notified on", "告知日期"),
        L("domain", "Domain", "领域"),
        L("core_data", "Core data", "核心数据"),
        L("core_data_basis", "Core data basis", "核心数据认定依据"),
        L("general_data", "General data", "一般数据"),
        L("general_data_level", "General data level", "一般数据级别"),
        L("anonymized", "Anonymized", "已匿名化"),
        L("anonymization_method", "Anonymization method", "匿名化方法"),
        L("origin", "Data origin", "数据来源"),
        L("collected_abroad", "Collected abroad", "境外收集"),
        L("host", "Host", "主机"),
        L("jurisdiction", "Jurisdiction", "国家或地区"),
        L("domestic", "Domestic", "境内"),
        L("foreign", "Foreign", "境外"),
        L("location", "Location", "境内/境外"),
        L("recipient", "Overseas recipient", "境外接收方"),
        L("recipient_address", "Recipient address", "境外接收方地址"),
        L("recipient_contact", "Recipient contact", "境外接收方联系方式"),
        L("declared_on", "Declared on", "声明位置"),
        L("authorizations", "Transfer authorizations", "数据出境授权"),
        L("no_authorizations", "No transfer authorization is declared.", "未声明任何数据出境授权。"),
        L("authorization", "Authorization", "出境授权"),
        L("mechanism", "Mechanism", "出境机制"),
        L("exemption", "Exemption", "豁免情形"),
        L("reference", "Reference", "编号"),
        L("issuing_authority", "Issuing authority", "出具机关"),
        L("issued_on", "Issued on", "出具日期"),
        L("valid_until", "Valid until", "有效期至"),
        L("valid_until_source", "Validity date source", "有效期来源"),
        L("declared_valid_until", "Declared valid until", "声明的有效期至"),
        L("computed_valid_until", "Computed valid until", "推算的有效期至"),
        L("endpoint", "Endpoint", "端点"),
        L("purpose", "Purpose", "出境目的"),
        L("processing_method", "Processing method", "处理方式"),
        L("transfer_method", "Transfer method", "传输方式"),
        L("lawful_basis", "Lawful basis", "合法性基础"),
        L("categories", "Data categories", "出境数据类别"),
        L("all_categories", "All that the mechanism can cover", "该机制可涵盖的全部数据"),
        L("estimated_subjects", "Estimated persons per year", "预计每年涉及个人数量"),
        L("estimated_sensitive_subjects", "Estimated persons per year (sensitive personal information)", "预计每年涉及敏感个人信息的个人数量"),
        L("separate_consent", "Separate consent", "单独同意"),
        L("retention_period", "Retention period", "保存期限"),
        L("overseas_storage_location", "Overseas storage location", "境外存储地点"),
        L("onward_recipients", "Onward recipients", "再转移接收方"),
        L("security_measures", "Security measures", "安全措施"),
        L("impact_assessment", "Personal information protection impact assessment", "个人信息保护影响评估"),
        L("impact_assessment_completed_on", "Impact assessment completed on", "影响评估完成日期"),
        L("flows", "Outbound data flows found in the code", "代码中发现的数据出境路径"),
        L("no_flows", "No flow of classified data to a foreign or undetermined endpoint was found.", "未发现分类数据流向境外或无法确定的端点。"),
        L("flow", "Flow", "出境路径"),
        L("status", "Status", "状态"),
        L("source_method", "Source method", "来源方法"),
        L("call_chain", "Call chain", "调用链"),
        L("sink", "Sink", "发送点"),
        L("endpoint_host", "Destination host", "目的主机"),
        L("jurisdiction_resolution", "Jurisdiction determined by", "国家或地区判定依据"),
        L("origin_members", "Data taken from", "数据来源成员"),
        L("flows_needing_action", "Flows needing action", "需要处理的出境路径"),
        L("row", "Row", "记录"),
        L("unresolved", "Undetermined", "无法确定"),
    };

    /// <summary>The label of a data class.</summary>
    public static (string En, string Zh) Of(DataClass value) => value switch
    {
        DataClass.GeneralData => ("General data", "一般数据"),
        DataClass.PersonalInformation => ("Personal information", "个人信息"),
        DataClass.SensitivePersonalInformation => ("Sensitive personal information", "敏感个人信息"),
        DataClass.ImportantData => ("Important data", "重要数据"),
        DataClass.CoreData => ("Core data", "核心数据"),
        _ => (value.ToString(), value.ToString()),
    };

    /// <summary>The label of a PIPL Art. 28 category.</summary>
    public static (string En, string Zh) Of(SensitiveCategory value) => value switch
    {
        SensitiveCategory.Biometric => ("Biometric", "生物识别"),
        SensitiveCategory.ReligiousBelief => ("Religious belief", "宗教信仰"),
        SensitiveCategory.SpecificIdentity => ("Specific identity", "特定身份"),
        SensitiveCategory.MedicalHealth => ("Medical health", "医疗健康"),
        SensitiveCategory.FinancialAccount => ("Financial account", "金融账户"),
        SensitiveCategory.Whereabouts => ("Whereabouts", "行踪轨迹"),
        SensitiveCategory.MinorUnder14 => ("Minor under 14", "不满十四周岁未成年人"),
        SensitiveCategory.Other => ("Other", "其他"),
        _ => (value.ToString(), value.ToString()),
    };

    /// <summary>The label of a mechanism (PIPL Art. 38).</summary>
    public static (string En, string Zh) Of(TransferMechanism value) => value switch
    {
        TransferMechanism.SecurityAssessment => ("Security assessment", "数据出境安全评估"),
        TransferMechanism.StandardContract => ("Standard contract (filed)", "个人信息出境标准合同（备案）"),
        TransferMechanism.Certification => ("Personal information protection certification", "个人信息保护认证"),
        TransferMechanism.Exemption => ("Exemption", "豁免"),
        TransferMechanism.AuthorityApproval => ("Approval of the competent authority", "主管机关批准"),
        _ => (value.ToString(), value.ToString()),
    };

    /// <summary>The label of the reference number for a mechanism: 评估编号, 备案编号, 认证证书编号.</summary>
    public static (string En, string Zh) ReferenceOf(TransferMechanism value) => value switch
    {
        TransferMechanism.SecurityAssessment => ("Assessment number", "评估编号"),
        TransferMechanism.StandardContract => ("Filing number", "备案编号"),
        TransferMechanism.Certification => ("Certificate number", "认证证书编号"),
        TransferMechanism.AuthorityApproval => ("Approval number", "批准文号"),
        _ => ("Reference", "编号"),
    };

    /// <summary>The label of an exemption (Provisions 2024 Arts. 3 to 6).</summary>
    public static (string En, string Zh) Of(ExemptionBasis value) => value switch
    {
        ExemptionBasis.None => ("None", "无"),
        ExemptionBasis.NonPersonalBusinessData => ("Trade, transport, academic or manufacturing data without personal information or important data (Provisions 2024 Art. 3)", "国际贸易、跨境运输、学术合作、跨国生产制造和市场营销等活动中收集和产生的不含个人信息或重要数据的数据（《促进和规范数据跨境流动规定》第三条）"),
        ExemptionBasis.CollectedAbroad => ("Personal information collected abroad and processed in China (Provisions 2024 Art. 4)", "境外收集和产生、在境内处理后向境外提供的个人信息（第四条）"),
        ExemptionBasis.ContractPerformance => ("Necessary to conclude or perform a contract to which the individual is a party (Provisions 2024 Art. 5(1))", "为订立、履行个人作为一方当事人的合同所必需（第五条第一项）"),
        ExemptionBasis.HumanResources => ("Necessary for cross-border human resources management (Provisions 2024 Art. 5(2))", "按照依法制定的劳动规章制度和依法签订的集体合同实施跨境人力资源管理所必需（第五条第二项）"),
        ExemptionBasis.Emergency => ("Necessary in an emergency to protect life, health or property (Provisions 2024 Art. 5(3))", "紧急情况下为保护自然人的生命健康和财产安全所必需（第五条第三项）"),
        ExemptionBasis.BelowThreshold => ("Below the volume threshold, no sensitive personal information (Provisions 2024 Art. 5(4))", "累计出境个人信息数量低于门槛且不含敏感个人信息（第五条第四项）"),
        ExemptionBasis.FreeTradeZoneNegativeList => ("Free trade zone data outside the negative list (Provisions 2024 Art. 6)", "自由贸易试验区负面清单外的数据（第六条）"),
        _ => (value.ToString(), value.ToString()),
    };

    /// <summary>The label of a flow status.</summary>
    public static (string En, string Zh) Of(FlowStatus value) => value switch
    {
        FlowStatus.Authorized => ("Authorized", "已授权"),
        FlowStatus.Unauthorized => ("No authorization", "无出境授权"),
        FlowStatus.Inadequate => ("Mechanism not adequate", "出境机制不适当"),
        FlowStatus.Expired => ("Authorization expired", "授权已过期"),
        FlowStatus.NotYetValid => ("Authorization not yet valid", "授权尚未生效"),
        FlowStatus.Blocked => ("Blocked: core data", "禁止出境：核心数据"),
        FlowStatus.UnknownEndpoint => ("Destination undetermined", "目的地无法确定"),
        _ => (value.ToString(), value.ToString()),
    };

    /// <summary>The label of how a flow's jurisdiction was determined.</summary>
    public static (string En, string Zh) Of(JurisdictionResolution value) => value switch
    {
        JurisdictionResolution.Unresolved => ("Undetermined", "无法确定"),
        JurisdictionResolution.PolicyFile => ("Policy file", "策略文件"),
        JurisdictionResolution.Attribute => ("Attribute in code", "代码中的特性声明"),
        JurisdictionResolution.KnowledgeBase => ("Built-in knowledge base", "内置知识库"),
        JurisdictionResolution.CountryCodeDomain => ("Country-code domain", "国家或地区顶级域名"),
        JurisdictionResolution.DefaultForUnknownHosts => ("Default for unknown hosts", "未知主机的默认设置"),
        _ => (value.ToString(), value.ToString()),
    };

    /// <summary>The label of a directory entry kind.</summary>
    public static (string En, string Zh) Of(DirectoryEntryKind value) => value switch
    {
        DirectoryEntryKind.Type => ("Type", "类型"),
        DirectoryEntryKind.Property => ("Property", "属性"),
        DirectoryEntryKind.Field => ("Field", "字段"),
        DirectoryEntryKind.Parameter => ("Parameter", "参数"),
        DirectoryEntryKind.ReturnValue => ("Return value", "返回值"),
        _ => (value.ToString(), value.ToString()),
    };

    /// <summary>The label of a validity date source.</summary>
    public static (string En, string Zh) Of(ValidUntilSource value) => value switch
    {
        ValidUntilSource.Declared => ("Declared", "声明"),
        ValidUntilSource.Computed => ("Computed from the issue date", "根据出具日期推算"),
        _ => ("None", "无"),
    };

    /// <summary>
    /// The label of a category in the manifest vocabulary: <c>PersonalInformation</c>,
    /// <c>SensitivePersonalInformation:MedicalHealth</c>, <c>ImportantData:BIO-001</c>. Unknown text is shown as is.
    /// </summary>
    public static (string En, string Zh) Category(string category)
    {
        var colon = OrdinalText.IndexOf(category, ':');
        var head = colon < 0 ? category : category.Substring(0, colon);
        var tail = colon < 0 ? null : category.Substring(colon + 1);
        if (!Enum.TryParse<DataClass>(head, ignoreCase: false, out var dataClass) || !IsName(head))
        {
            return (category, category);
        }

        var (en, zh) = Of(dataClass);
        if (tail is null)
        {
            return (en, zh);
        }

        if (dataClass == DataClass.SensitivePersonalInformation && Enum.TryParse<SensitiveCategory>(tail, ignoreCase: false, out var sensitive) && IsName(tail))
        {
            var (sen, szh) = Of(sensitive);
            return (en + ": " + sen, zh + "：" + szh);
        }

        return (en + ": " + tail, zh + "：" + tail);
    }

    /// <summary>Joins a label for <paramref name="language"/>: one side, or <c>中文 / English</c>.</summary>
    public static string Pick((string En, string Zh) label, ReportLanguage language) => language switch
    {
        ReportLanguage.English => label.En,
        ReportLanguage.Chinese => label.Zh,
        _ => string.Equals(label.En, label.Zh, StringComparison.Ordinal) ? label.En : label.Zh + " / " + label.En,
    };

    // Enum.TryParse accepts numbers and comma lists; the manifest vocabulary does not.
    private static bool IsName(string text) => text.Length > 0 && char.IsLetter(text[0]) && OrdinalText.IndexOf(text, ',') < 0;

    private static KeyValuePair<string, (string, string)> L(string key, string en, string zh) => new(key, (en, zh));
}
