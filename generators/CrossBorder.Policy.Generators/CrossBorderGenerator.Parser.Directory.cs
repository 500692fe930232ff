using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CrossBorder.Policy.Generators.Model;

namespace CrossBorder.Policy.Generators;

public sealed partial class CrossBorderGenerator
{
    internal static partial class Parser
    {
        /// <summary>
        /// Merges the declarations of the compilation, its references and the policy file into one sorted,
        /// de-duplicated model; null when nothing is to be generated (switched off, or the compilation does not
        /// reference CrossBorder.Policy).
        /// </summary>
        public static DirectoryModel? BuildDirectory(
            GenerationOptions options,
            CompilationInfo compilation,
            ImmutableArray<DataEntryModel> local,
            EquatableArray<DataEntryModel> referenced,
            ImmutableArray<EquatableArray<EndpointModel>> endpoints,
            ImmutableArray<EquatableArray<TransferModel>> transfers,
            ImmutableArray<ProcessorModel?> processors,
            ImmutableArray<PolicyFileModel> policyFiles,
            CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!options.Enabled || !compilation.AttributesAvailable)
            {
                return null;
            }

            // Several policy files are a configuration error reported by the analyzers; the generator uses none
            // rather than guess.
            var file = policyFiles.Length == 1 ? policyFiles[0] : PolicyFileModel.Empty;

            var entries = MergeEntries(local, referenced);
            cancellationToken.ThrowIfCancellationRequested();

            var allEndpoints = endpoints.SelectMany(static e => e)
                .Concat(file.Endpoints)
                .Distinct()
                .OrderBy(static e => e.TargetId, StringComparer.Ordinal)
                .ThenBy(static e => e.Source, StringComparer.Ordinal)
                .ThenBy(static e => e.Foreign ? 0 : 1)
                .ThenBy(static e => e.Jurisdiction ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(static e => e.Host ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(static e => e.Recipient ?? string.Empty, StringComparer.Ordinal)
                .ToEquatableArray();

            var allTransfers = UniqueIds(transfers.SelectMany(static t => t).Concat(file.Transfers))
                .Select(t => WithComputedValidUntil(t, file))
                .ToEquatableArray();

            return new DirectoryModel
            {
                AssemblyName = compilation.AssemblyName,
                Namespace = options.Namespace ?? options.RootNamespace ??
                    (IsValidNamespace(compilation.AssemblyName) ? compilation.AssemblyName : DefaultNamespace),
                IsPublic = options.IsPublic,
                Entries = entries,
                Endpoints = allEndpoints,
                Transfers = allTransfers,
                Processor = processors.FirstOrDefault(static p => p is not null) ?? file.Processor,
            };
        }

        /// <summary>
        /// Adds the default last day of validity computed by Core's regulation rules (for example three years from
        /// the issue date for assessments and certificates, with the policy file's regulation options).
        /// </summary>
        private static TransferModel WithComputedValidUntil(TransferModel transfer, PolicyFileModel file)
        {
            if (!file.ComputeValidUntil || transfer.Mechanism is null ||
                !Enum.TryParse<Core.Model.TransferMechanism>(transfer.Mechanism, out var mechanism) ||
                !Core.Model.IsoDate.TryParse(transfer.IssuedOn, out var issuedOn))
            {
                return transfer;
            }

            var computed = Core.Regulation.ValidityRules.DefaultValidUntil(mechanism, issuedOn, extended: false, file.Regulation);
            return computed is null ? transfer : transfer with { ComputedValidUntil = computed.Value.ToString() };
        }

        /// <summary>
        /// De-duplicates entries by id and adds a derived entry for every type that has classified members but no
        /// classification of its own (a type is classified by the classified members it contains).
        /// </summary>
        private static EquatableArray<DataEntryModel> MergeEntries(ImmutableArray<DataEntryModel> local, EquatableArray<DataEntryModel> referenced)
        {
            var byId = new Dictionary<string, DataEntryModel>(StringComparer.Ordinal);
            foreach (var entry in local.Concat(referenced))
            {
                if (!byId.ContainsKey(entry.Id))
                {
                    byId.Add(entry.Id, entry);
                }
            }

            var derived = new Dictionary<string, DataEntryModel>(StringComparer.Ordinal);
            foreach (var member in byId.Values.Where(static e => IsMember(e)).OrderBy(static e => e.Id, StringComparer.Ordinal))
            {
                var typeId = member.ContainingTypeId!;
                var carries = (member.PersonalInformation && !member.Anonymized) || member.ImportantData.Count > 0 || member.CoreData;
                if (!carries || byId.ContainsKey(typeId))
                {
                    continue;
                }

                derived.TryGetValue(typeId, out var current);
                current ??= new DataEntryModel
                {
                    Id = typeId,
                    Kind = EntryKind.Type,
                    Name = member.ContainingTypeName ?? typeId.Substring(2),
                    Assembly = member.Assembly,
                    IsDerived = true,
                };
                derived[typeId] = current with
                {
                    PersonalInformation = current.PersonalInformation || (member.PersonalInformation && !member.Anonymized),
                    SensitiveCategories = current.SensitiveCategories.Concat(member.SensitiveCategories)
                        .Distinct(StringComparer.Ordinal).OrderBy(static c => c, StringComparer.Ordinal).ToEquatableArray(),
                    ImportantData = current.ImportantData.Concat(member.ImportantData)
                        .Distinct().OrderBy(static e => e.CatalogEntry, StringComparer.Ordinal)
                        .ThenBy(static e => e.Catalog ?? string.Empty, StringComparer.Ordinal).ToEquatableArray(),
                    CoreData = current.CoreData || member.CoreData,
                };
            }

            var members = byId.Values.Where(static e => IsMember(e))
                .GroupBy(static e => e.ContainingTypeId!, StringComparer.Ordinal)
                .ToDictionary(static g => g.Key, static g => g.ToList(), StringComparer.Ordinal);
            return byId.Values.Concat(derived.Values)
                .Select(e => e.Kind == EntryKind.Type && members.TryGetValue(e.Id, out var contained) ? WithInherited(e, contained) : e)
                .OrderBy(static e => e.Id, StringComparer.Ordinal)
                .ToEquatableArray();
        }

        /// <summary>Properties and fields make their type classified; parameters and return values do not.</summary>
        private static bool IsMember(DataEntryModel e) =>
            e.ContainingTypeId is not null && e.Kind is EntryKind.Property or EntryKind.Field;

        /// <summary>The classes a type carries through its classified members (one level: members declared in the type).</summary>
        private static DataEntryModel WithInherited(DataEntryModel type, List<DataEntryModel> members)
        {
            var classes = new SortedSet<string>(StringComparer.Ordinal);
            var from = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                var carried = CarriedClasses(member).ToList();
                if (carried.Count > 0)
                {
                    classes.UnionWith(carried);
                    from.Add(member.Id);
                }
            }

            return type with { InheritedClasses = classes.ToEquatableArray(), InheritedFrom = from.ToEquatableArray() };
        }

        /// <summary>The data classes an entry declares (Core's <c>DataClass</c> names); anonymized values carry no personal information.</summary>
        internal static IEnumerable<string> CarriedClasses(DataEntryModel e)
        {
            if (e.PersonalInformation && !e.Anonymized)
            {
                yield return nameof(Core.Model.DataClass.PersonalInformation);
            }

            if (!e.SensitiveCategories.IsEmpty && !e.Anonymized)
            {
                yield return nameof(Core.Model.DataClass.SensitivePersonalInformation);
            }

            if (!e.ImportantData.IsEmpty)
            {
                yield return nameof(Core.Model.DataClass.ImportantData);
            }

            if (e.CoreData)
            {
                yield return nameof(Core.Model.DataClass.CoreData);
            }
        }

        /// <summary>
        /// Sorts transfers and makes ids unique: the second and later holders of an id get <c>~2</c>, <c>~3</c> in
        /// content order, so the manifest (keyed by id) can always be written. A duplicate declared id is the
        /// analyzers' to report.
        /// </summary>
        private static EquatableArray<TransferModel> UniqueIds(IEnumerable<TransferModel> transfers)
        {
            var sorted = transfers
                .Distinct()
                .OrderBy(static t => t.Id, StringComparer.Ordinal)
                .ThenBy(static t => SortKey(t), StringComparer.Ordinal)
                .ToList();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < sorted.Count; i++)
            {
                var transfer = sorted[i];
                if (seen.TryGetValue(transfer.Id, out var count))
                {
                    seen[transfer.Id] = count + 1;
                    sorted[i] = transfer with { Id = transfer.Id + "~" + (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                }
                else
                {
                    seen[transfer.Id] = 1;
                }
            }

            return sorted.OrderBy(static t => t.Id, StringComparer.Ordinal).ThenBy(static t => SortKey(t), StringComparer.Ordinal).ToEquatableArray();
        }

        private static string SortKey(TransferModel t) => string.Join(
            "\u0001",
            t.DeclaredOn,
            t.Source,
            t.Mechanism ?? string.Empty,
            t.Reference ?? string.Empty,
            t.Recipient ?? string.Empty,
            t.Jurisdiction ?? string.Empty,
            t.Endpoint ?? string.Empty,
            t.Purpose ?? string.Empty,
            t.IssuedOn ?? string.Empty,
            t.ValidUntil ?? string.Empty,
            string.Join(",", t.Categories),
            t.RetentionPeriod ?? string.Empty,
            t.OverseasStorageLocation ?? string.Empty);
    }
}
