using System;
using System.Collections.Generic;
using System.Linq;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Generators.Model;
using CoreModel = CrossBorder.Policy.Core.Model;
using M = CrossBorder.Policy.Core.Manifest;

namespace CrossBorder.Policy.Generators;

public sealed partial class CrossBorderGenerator
{
    /// <summary>
    /// Maps the generator's directory model onto Core's manifest model (<c>CrossBorder.Policy.Core.Manifest</c>), whose
    /// writer gives the canonical JSON and digest that are embedded. Values the manifest cannot represent are left
    /// out here (the typed API keeps them, marked): invalid dates become null, negative counts null, empty texts null,
    /// and a transfer whose mechanism is not a <c>TransferMechanism</c> is not an authorization of the manifest.
    /// </summary>
    internal static class ManifestMapper
    {
        public static DataDirectory ToDataDirectory(DirectoryModel model) => new(model.AssemblyName)
        {
            Processor = Processor(model.Processor),
            Entries = M.EquatableArray.From(model.Entries.Select(Entry)),
            Endpoints = M.EquatableArray.From(model.Endpoints.Select(static e => new EndpointBinding(e.TargetId)
            {
                Host = e.Host,
                Jurisdiction = e.Jurisdiction,
                Recipient = e.Recipient,
                Domestic = !e.Foreign,
            })),
        };

        public static TransferManifest ToTransferManifest(DirectoryModel model) => new(model.AssemblyName)
        {
            Processor = Processor(model.Processor),
            Authorizations = M.EquatableArray.From(model.Transfers
                .Where(static t => t.Mechanism is not null)
                .Select(Authorization)),
        };

        private static ProcessorProfile? Processor(ProcessorModel? processor) => processor is null
            ? null
            : new ProcessorProfile
            {
                Name = processor.Name,
                CriticalInformationInfrastructureOperator = processor.CriticalInformationInfrastructureOperator,
                FreeTradeZone = processor.FreeTradeZone,
            };

        private static DirectoryEntry Entry(DataEntryModel e) => new(e.Id, e.Name, e.Kind switch
        {
            EntryKind.Property => DirectoryEntryKind.Property,
            EntryKind.Field => DirectoryEntryKind.Field,
            EntryKind.Parameter => DirectoryEntryKind.Parameter,
            EntryKind.ReturnValue => DirectoryEntryKind.ReturnValue,
            _ => DirectoryEntryKind.Type,
        })
        {
            ContainingTypeId = e.ContainingTypeId,
            Description = e.Description,
            Classification = e.IsDerived ? DataClassification.None : new DataClassification
            {
                PersonalInformation = e.PersonalInformation,
                PersonalInformationCategory = e.PersonalInformationCategory,
                SensitiveCategories = M.EquatableArray.From(e.SensitiveCategories.Select(static c => Parse<CoreModel.SensitiveCategory>(c)).Where(static c => c is not null).Select(static c => c!.Value)),
                ImportantData = M.EquatableArray.From(e.ImportantData.Where(static d => d.CatalogEntry.Length > 0).Select(static d => new M.ImportantDataEvidence(d.CatalogEntry)
                {
                    Catalog = d.Catalog,
                    CatalogVersion = d.CatalogVersion,
                    NotifiedBy = d.NotifiedBy,
                    NotifiedOn = Date(d.NotifiedOn),
                    Domain = d.Domain,
                })),
                CoreData = e.CoreData,
                CoreDataBasis = e.CoreDataBasis,
                GeneralData = e.GeneralData,
                GeneralDataLevel = e.GeneralData && e.GeneralDataLevel > 0 ? e.GeneralDataLevel : null,
                Anonymized = e.Anonymized,
                AnonymizationMethod = e.AnonymizationMethod,
            },
            Origin = string.IsNullOrEmpty(e.DataOrigin) ? null : new DataOriginLabel(e.DataOrigin!) { CollectedAbroad = e.CollectedAbroad },
            ReferencedAssembly = e.Assembly,
            InheritedClasses = M.EquatableArray.From(e.InheritedClasses.Select(static c => Parse<CoreModel.DataClass>(c)).Where(static c => c is not null).Select(static c => c!.Value)),
            InheritedFrom = M.EquatableArray.From(e.InheritedFrom),
        };

        private static TransferAuthorization Authorization(TransferModel t) => new(t.Id, Parse<CoreModel.TransferMechanism>(t.Mechanism)!.Value, t.DeclaredOn)
        {
            Exemption = Parse<CoreModel.ExemptionBasis>(t.Exemption) ?? CoreModel.ExemptionBasis.None,
            Reference = t.Reference,
            IssuingAuthority = t.IssuingAuthority,
            IssuedOn = Date(t.IssuedOn),
            DeclaredValidUntil = Date(t.ValidUntil),
            ComputedValidUntil = Date(t.ComputedValidUntil),
            Recipient = t.Recipient,
            Jurisdiction = t.Jurisdiction,
            Endpoint = t.Endpoint,
            Purpose = t.Purpose,
            Categories = M.EquatableArray.From(t.Categories.Where(static c => c.Length > 0)),
            EstimatedSubjectsPerYear = t.EstimatedSubjectsPerYear is >= 0 ? t.EstimatedSubjectsPerYear : null,
            EstimatedSensitiveSubjectsPerYear = t.EstimatedSensitiveSubjectsPerYear is >= 0 ? t.EstimatedSensitiveSubjectsPerYear : null,
            SeparateConsent = t.SeparateConsent,
            RetentionPeriod = t.RetentionPeriod,
            OverseasStorageLocation = t.OverseasStorageLocation,
            OnwardRecipients = M.EquatableArray.From(t.OnwardRecipients.Where(static r => r.Length > 0)),
        };

        private static CoreModel.IsoDate? Date(string? text) => CoreModel.IsoDate.TryParse(text, out var date) ? date : null;

        private static TEnum? Parse<TEnum>(string? name)
            where TEnum : struct, Enum =>
            name is not null && Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && Enum.IsDefined(typeof(TEnum), value) ? value : null;
    }
}
