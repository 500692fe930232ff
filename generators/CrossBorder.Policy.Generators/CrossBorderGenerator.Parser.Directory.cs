using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CrossBorder.Policy.Core.Manifest;
using CrossBorder.Policy.Generators.Model;
using ImportantDataEvidence = CrossBorder.Policy.Generators.Model.ImportantDataEvidence;

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
            ReferencedModel referenced,
            ImmutableArray<EquatableArray<EndpointModel>> endpoints,
            ImmutableArray<EquatableArray<TransferModel>> transfers,
            ImmutableArray<ProcessorModel?> processors,
            ImmutableArray<PolicyFileModel> policyFiles,
            ImmutableArray<TypeShapeModel> shapes,
            CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!options.Enabled || !compilation.AttributesAvailable)
            {
                return null;
            }

            // The marked file wins over files that are only named crossborder.json. Several candidates are a
            // configuration error reported by the analyzers; the generator uses none rather than guess.
            var candidates = policyFiles.Any(static f => f.Marked) ? policyFiles.Where(static f => f.Marked).ToList() : policyFiles.ToList();
            var file = candidates.Count == 1 ? candidates[0] : PolicyFileModel.Empty;

            var (usedEntries, usedShapes) = SelectUsed(referenced, shapes);
            var entries = MergeEntries(local, usedEntries, shapes.AddRange(usedShapes));
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
        /// The referenced classified types and members the compilation uses, and the shapes of the referenced types it
        /// reaches. A referenced type is used when a type of this compilation names it in its declaration (see
        /// <see cref="TypeShapeModel.Uses"/>), or when a used referenced type names it in the type of a public
        /// instance property or field, transitively. A member is listed when its containing type is used.
        /// </summary>
        private static (IEnumerable<DataEntryModel> Entries, IEnumerable<TypeShapeModel> Shapes) SelectUsed(
            ReferencedModel referenced,
            ImmutableArray<TypeShapeModel> shapes)
        {
            var libraryShapes = new Dictionary<string, TypeShapeModel>(StringComparer.Ordinal);
            foreach (var shape in referenced.Shapes)
            {
                if (!libraryShapes.ContainsKey(shape.TypeId))
                {
                    libraryShapes.Add(shape.TypeId, shape);
                }
            }

            var used = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            foreach (var id in shapes.SelectMany(static s => s.Uses))
            {
                if (used.Add(id))
                {
                    pending.Push(id);
                }
            }

            while (pending.Count > 0)
            {
                if (!libraryShapes.TryGetValue(pending.Pop(), out var shape))
                {
                    continue;
                }

                foreach (var id in shape.Members.SelectMany(static m => m.TypeIds))
                {
                    if (used.Add(id))
                    {
                        pending.Push(id);
                    }
                }
            }

            return (
                referenced.Entries.Where(e => used.Contains(e.Kind == EntryKind.Type ? e.Id : e.ContainingTypeId ?? string.Empty)),
                referenced.Shapes.Where(s => used.Contains(s.TypeId)));
        }

        /// <summary>
        /// De-duplicates entries by id, then classifies types transitively: a type carries the classes of the
        /// classified properties and fields it declares and of the classified types its members hold (nested objects,
        /// arrays, collections, dictionaries, nullable, tasks, tuples), to a fixed point. A type that carries classes
        /// but has no entry of its own gets a derived entry.
        /// </summary>
        private static EquatableArray<DataEntryModel> MergeEntries(
            ImmutableArray<DataEntryModel> local,
            IEnumerable<DataEntryModel> referenced,
            ImmutableArray<TypeShapeModel> shapes)
        {
            var byId = new Dictionary<string, DataEntryModel>(StringComparer.Ordinal);
            foreach (var entry in local.Concat(referenced))
            {
                if (!byId.ContainsKey(entry.Id))
                {
                    byId.Add(entry.Id, entry);
                }
            }

            var inherited = new Dictionary<string, Carried>(StringComparer.Ordinal);
            Carried For(string typeId) => inherited.TryGetValue(typeId, out var c) ? c : inherited[typeId] = new Carried();

            // Direct members.
            var names = new Dictionary<string, (string Name, string? Assembly)>(StringComparer.Ordinal);
            foreach (var member in byId.Values.Where(static e => IsMember(e)).OrderBy(static e => e.Id, StringComparer.Ordinal))
            {
                var classes = CarriedClasses(member).ToList();
                if (classes.Count == 0)
                {
                    continue;
                }

                var carried = For(member.ContainingTypeId!);
                carried.Classes.UnionWith(classes);
                if (!member.Anonymized)
                {
                    carried.Categories.UnionWith(member.SensitiveCategories);
                }

                carried.Evidence.UnionWith(member.ImportantData);
                carried.From.Add(member.Id);
                if (!names.ContainsKey(member.ContainingTypeId!))
                {
                    names[member.ContainingTypeId!] = (member.ContainingTypeName ?? member.ContainingTypeId!.Substring(2), member.Assembly);
                }
            }

            // Members whose types are classified, to a fixed point (each pass only adds; at most five classes per type).
            var orderedShapes = shapes.GroupBy(static s => s.TypeId, StringComparer.Ordinal).Select(static g => g.First())
                .OrderBy(static s => s.TypeId, StringComparer.Ordinal).ToList();
            foreach (var shape in orderedShapes)
            {
                names[shape.TypeId] = (shape.Name, shape.Assembly);
            }

            // Worklist: when what a type carries grows, the types holding it are visited again. Each visit only adds
            // (at most five classes and eight categories per type), so this ends after O(edges) visits.
            var holders = new Dictionary<string, List<(string Holder, string MemberId)>>(StringComparer.Ordinal);
            foreach (var shape in orderedShapes)
            {
                foreach (var member in shape.Members)
                {
                    foreach (var typeId in member.TypeIds)
                    {
                        if (!holders.TryGetValue(typeId, out var list))
                        {
                            holders[typeId] = list = new List<(string, string)>();
                        }

                        list.Add((shape.TypeId, member.MemberId));
                    }
                }
            }

            var queue = new Queue<string>(holders.Keys.OrderBy(static k => k, StringComparer.Ordinal));
            var queued = new HashSet<string>(queue, StringComparer.Ordinal);
            while (queue.Count > 0)
            {
                var typeId = queue.Dequeue();
                queued.Remove(typeId);
                var (classes, categories, evidence) = Total(typeId, byId, inherited);
                if (classes.Count == 0 || !holders.TryGetValue(typeId, out var holding))
                {
                    continue;
                }

                foreach (var (holder, memberId) in holding)
                {
                    var carried = For(holder);
                    var before = carried.Classes.Count + carried.Categories.Count + carried.Evidence.Count;
                    carried.Classes.UnionWith(classes);
                    carried.Categories.UnionWith(categories);
                    carried.Evidence.UnionWith(evidence);
                    carried.From.Add(memberId);
                    if (carried.Classes.Count + carried.Categories.Count + carried.Evidence.Count != before && holders.ContainsKey(holder) && queued.Add(holder))
                    {
                        queue.Enqueue(holder);
                    }
                }
            }

            var result = new List<DataEntryModel>();
            foreach (var entry in byId.Values)
            {
                result.Add(entry.Kind == EntryKind.Type && inherited.TryGetValue(entry.Id, out var carried) && carried.Classes.Count > 0
                    ? entry with { InheritedClasses = carried.Classes.ToEquatableArray(), InheritedFrom = carried.From.ToEquatableArray() }
                    : entry);
            }

            foreach (var pair in inherited)
            {
                var carried = pair.Value;
                if (byId.ContainsKey(pair.Key) || carried.Classes.Count == 0 || !names.TryGetValue(pair.Key, out var name))
                {
                    continue;
                }

                result.Add(new DataEntryModel
                {
                    Id = pair.Key,
                    Kind = EntryKind.Type,
                    Name = name.Name,
                    Assembly = name.Assembly,
                    IsDerived = true,
                    PersonalInformation = carried.Classes.Contains(nameof(Core.Model.DataClass.PersonalInformation)) ||
                        carried.Classes.Contains(nameof(Core.Model.DataClass.SensitivePersonalInformation)),
                    SensitiveCategories = carried.Categories.ToEquatableArray(),
                    ImportantData = carried.Evidence.OrderBy(static e => e.CatalogEntry, StringComparer.Ordinal)
                        .ThenBy(static e => e.Catalog ?? string.Empty, StringComparer.Ordinal).ToEquatableArray(),
                    CoreData = carried.Classes.Contains(nameof(Core.Model.DataClass.CoreData)),
                    InheritedClasses = carried.Classes.ToEquatableArray(),
                    InheritedFrom = carried.From.ToEquatableArray(),
                });
            }

            return result.OrderBy(static e => e.Id, StringComparer.Ordinal).ToEquatableArray();
        }

        /// <summary>
        /// What a type carries: its own declared classes, sensitive categories and important-data evidence and those it
        /// inherits; an anonymized type carries no personal information.
        /// </summary>
        private static (IReadOnlyCollection<string> Classes, IReadOnlyCollection<string> Categories, IReadOnlyCollection<ImportantDataEvidence> Evidence) Total(
            string typeId,
            Dictionary<string, DataEntryModel> byId,
            Dictionary<string, Carried> inherited)
        {
            var classes = new SortedSet<string>(StringComparer.Ordinal);
            var categories = new SortedSet<string>(StringComparer.Ordinal);
            var evidence = new HashSet<ImportantDataEvidence>();
            var anonymized = false;
            if (byId.TryGetValue(typeId, out var own))
            {
                anonymized = own.Anonymized;
                classes.UnionWith(CarriedClasses(own));
                evidence.UnionWith(own.ImportantData);
                if (!anonymized)
                {
                    categories.UnionWith(own.SensitiveCategories);
                }
            }

            if (inherited.TryGetValue(typeId, out var carried))
            {
                classes.UnionWith(carried.Classes);
                categories.UnionWith(carried.Categories);
                evidence.UnionWith(carried.Evidence);
            }

            if (anonymized)
            {
                classes.Remove(nameof(Core.Model.DataClass.PersonalInformation));
                classes.Remove(nameof(Core.Model.DataClass.SensitivePersonalInformation));
                categories.Clear();
            }

            return (classes, categories, evidence);
        }

        private sealed class Carried
        {
            public SortedSet<string> Classes { get; } = new(StringComparer.Ordinal);

            public SortedSet<string> Categories { get; } = new(StringComparer.Ordinal);

            public HashSet<ImportantDataEvidence> Evidence { get; } = new();

            public SortedSet<string> From { get; } = new(StringComparer.Ordinal);
        }

        /// <summary>Properties and fields make their type classified; parameters and return values do not.</summary>
        private static bool IsMember(DataEntryModel e) =>
            e.ContainingTypeId is not null && e.Kind is EntryKind.Property or EntryKind.Field;

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
