using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Agreements;

/// <summary>An agreement's working version in progress, for the «a draft is in progress» notice.</summary>
public sealed record WorkingVersionInfo(int Number, AgreementStatus Status, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>One version in an agreement's list of versions: its number, status, validity and last change or publication.</summary>
public sealed record VersionSummary(int Number, AgreementStatus Status, DateOnly? ValidUntil, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt);

/// <summary>How many rows each part of a version has: counted in the database (whether or not all were loaded), or of a content.</summary>
public sealed record PartCounts(int Sections, int Obligations, int DataRows, int Fees, int Payments, int LegalReferences, int Definitions, int AppendixItems)
{
    public static PartCounts Of(AgreementContent c) =>
        new(c.Sections.Count, c.Obligations.Count, c.DataRows.Count, c.Fees.Count, c.Payments.Count, c.LegalReferences.Count, c.Definitions.Count, c.AppendixItems.Count);

    /// <summary>The parts with more rows than <see cref="AgreementLimits.RowsPerPart"/>, named in Persian, with their row counts.</summary>
    public IEnumerable<(string Part, int Rows)> OverLimit =>
        new[]
        {
            ("بخش‌ها", Sections), ("تعهدات", Obligations), ("طبقه‌بندی داده‌ها", DataRows), ("هزینه‌ها", Fees),
            ("سازوکار پرداخت", Payments), ("مستندات قانونی", LegalReferences), ("تعاریف", Definitions), ("فهرست پیوست", AppendixItems),
        }.Where(p => p.Item2 > AgreementLimits.RowsPerPart);
}

/// <summary>
/// One version of an agreement as a page shows it: the version with its parts (at most
/// <see cref="AgreementLimits.RowsPerPart"/> rows of each), the catalogue entry it belongs to, whether it
/// is the version in force, and the working version beside it. <see cref="IsWhole"/> says whether every
/// row was loaded; a version stored before the limits existed may hold more.
/// </summary>
public sealed record AgreementView(AgreementVersion Version, int ServiceId, string CatalogueTitle, IReadOnlyList<string> RecipientGroups, int? InForceNumber, WorkingVersionInfo? Working, PartCounts Counts)
{
    public bool IsInForce => InForceNumber == Version.Number;

    /// <summary>The version readers see: the one in force, or the working one of an agreement never published.</summary>
    public bool IsReadersVersion => IsInForce || InForceNumber is null && Working?.Number == Version.Number;

    public AgreementContent Content { get; } = AgreementContent.Of(Version);

    /// <summary>Every row of every part was loaded: <see cref="Content"/> is the whole version.</summary>
    public bool IsWhole => !Counts.OverLimit.Any();
}

/// <summary>
/// Loads agreement versions for pages and workbooks. Readers see the version in force; an agreement
/// never published shows its working version (marked as such by its status).
/// </summary>
public sealed class AgreementStore(IDbContextFactory<SlaDbContext> dbFactory)
{
    /// <summary>
    /// The version readers see (<paramref name="number"/> null), or the numbered one, with the first
    /// <see cref="AgreementLimits.RowsPerPart"/> rows of each part, untracked; null when the agreement or
    /// version does not exist. Three queries: the version with its agreement and the row count of each part,
    /// the rows of the other parts in one UNION ALL, and the legal references (loading the parts one query
    /// each was ten queries, and joining them multiplies their rows).
    /// </summary>
    public async Task<AgreementView?> LoadAsync(int agreementId, int? number = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = db.AgreementVersions.AsNoTracking().Where(v => v.AgreementId == agreementId);
        var head = await (number is { } n ? versions.Where(v => v.Number == n) : versions.Where(v => v.Id == (v.Agreement.InForceVersionId ?? v.Agreement.WorkingVersionId)))
            .AsSingleQuery()
            .Select(v => new
            {
                Version = v,
                v.Agreement.EServiceId,
                v.Agreement.EService.Title,
                Recipients = v.Agreement.EService.Recipients.OrderBy(r => r.Name).Select(r => r.Name).ToList(),
                InForce = v.Agreement.InForceVersion == null ? (int?)null : v.Agreement.InForceVersion.Number,
                Working = v.Agreement.WorkingVersion == null ? null : new WorkingVersionInfo(v.Agreement.WorkingVersion.Number, v.Agreement.WorkingVersion.Status, v.Agreement.WorkingVersion.UpdatedAt, v.Agreement.WorkingVersion.UpdatedBy),
                Counts = new PartCounts(
                    db.Sections.Count(p => p.AgreementVersionId == v.Id), db.Obligations.Count(p => p.AgreementVersionId == v.Id),
                    db.DataRows.Count(p => p.AgreementVersionId == v.Id), db.Fees.Count(p => p.AgreementVersionId == v.Id),
                    db.PaymentMechanisms.Count(p => p.AgreementVersionId == v.Id), db.LegalReferences.Count(p => p.AgreementVersionId == v.Id),
                    db.Definitions.Count(p => p.AgreementVersionId == v.Id), db.AppendixItems.Count(p => p.AgreementVersionId == v.Id)),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null) return null;

        foreach (var row in await PartRow.Of(db, head.Version.Id).ToListAsync(cancellationToken))
        {
            row.AddTo(head.Version);
        }
        // Apart, because their dates cannot pass through the union as text: PostgreSQL has no translation of DateOnly.ToString.
        head.Version.LegalReferences.AddRange(await db.LegalReferences.AsNoTracking().Where(p => p.AgreementVersionId == head.Version.Id)
            .OrderBy(p => p.Order).ThenBy(p => p.Id).Take(AgreementLimits.RowsPerPart).ToListAsync(cancellationToken));
        return new AgreementView(head.Version, head.EServiceId, head.Title, head.Recipients, head.InForce, head.Working, head.Counts);
    }

    /// <summary>Every version of the agreement, oldest first (empty when there is no such agreement).</summary>
    public async Task<IReadOnlyList<VersionSummary>> VersionsAsync(int agreementId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AgreementVersions.AsNoTracking()
            .Where(v => v.AgreementId == agreementId)
            .OrderBy(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Status, v.ValidUntil, v.UpdatedAt, v.PublishedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The version each agreement's readers see: the one in force, or the working one of an agreement never published.</summary>
    public static IQueryable<AgreementVersion> ReadingVersions(SlaDbContext db) =>
        db.AgreementVersions.AsNoTracking()
            .Where(v => v.Id == (v.Agreement.InForceVersionId ?? v.Agreement.WorkingVersionId));

    /// <summary>All parts of a version, for reading.</summary>
    public static IQueryable<AgreementVersion> WithEverything(IQueryable<AgreementVersion> versions) =>
        versions.AsNoTracking().AsSplitQuery()
            .Include(v => v.Sections)
            .Include(v => v.Obligations)
            .Include(v => v.DataRows)
            .Include(v => v.Fees)
            .Include(v => v.PaymentMechanisms)
            .Include(v => v.LegalReferences)
            .Include(v => v.Definitions)
            .Include(v => v.AppendixItems);
}

/// <summary>
/// A row of any part of a version but its legal references, in the one shape the parts share in a UNION ALL: the part it belongs
/// to, its identity and order, and its other fields as text in columns that other parts leave empty.
/// Text because an empty column is an untyped NULL, which PostgreSQL's UNION matches only with text and
/// which loses an enum's converter (a nullable value comes back as «» for null, as EF Core turns a null's ToString into an empty string); every branch sets every property, as EF Core's set operations require.
/// </summary>
internal sealed class PartRow
{
    public int Part { get; init; }
    public int Id { get; init; }
    public Guid Clause { get; init; }
    public int Order { get; init; }
    public string? Text1 { get; init; }
    public string? Text2 { get; init; }
    public string? Text3 { get; init; }
    public string? Text4 { get; init; }
    public string? Text5 { get; init; }
    public string? Text6 { get; init; }
    public string? Text7 { get; init; }

    /// <summary>The first <see cref="AgreementLimits.RowsPerPart"/> rows of each part of the version but its legal references, as one query.</summary>
    public static IQueryable<PartRow> Of(SlaDbContext db, int versionId) =>
        db.Sections.Where(p => p.AgreementVersionId == versionId).OrderBy(p => p.Kind).ThenBy(p => p.Id).Take(AgreementLimits.RowsPerPart)
            .Select(p => new PartRow { Part = 0, Id = p.Id, Clause = p.ClauseId, Order = 0, Text1 = p.Body, Text2 = p.Kind.ToString(), Text3 = null, Text4 = null, Text5 = null, Text6 = null, Text7 = null })
        .Concat(db.Obligations.Where(p => p.AgreementVersionId == versionId).OrderBy(p => p.Side).ThenBy(p => p.Order).ThenBy(p => p.Id).Take(AgreementLimits.RowsPerPart)
            .Select(p => new PartRow { Part = 1, Id = p.Id, Clause = p.ClauseId, Order = p.Order, Text1 = p.Text, Text2 = p.Target, Text3 = p.Side.ToString(), Text4 = null, Text5 = null, Text6 = null, Text7 = null }))
        .Concat(db.DataRows.Where(p => p.AgreementVersionId == versionId).OrderBy(p => p.Order).ThenBy(p => p.Id).Take(AgreementLimits.RowsPerPart)
            .Select(p => new PartRow { Part = 2, Id = p.Id, Clause = p.ClauseId, Order = p.Order, Text1 = p.DataType, Text2 = p.ProvidingUnit.ToString(), Text3 = p.ReceivingUnit.ToString(), Text4 = p.StorageLevel.ToString(), Text5 = p.PublicationScope.ToString(), Text6 = p.UsedForAnalytics.ToString(), Text7 = p.PublicVisible.ToString() }))
        .Concat(db.Fees.Where(p => p.AgreementVersionId == versionId).OrderBy(p => p.Order).ThenBy(p => p.Id).Take(AgreementLimits.RowsPerPart)
            .Select(p => new PartRow { Part = 3, Id = p.Id, Clause = p.ClauseId, Order = p.Order, Text1 = p.ServiceName, Text2 = p.Description, Text3 = p.CostType.ToString(), Text4 = p.AmountRials.ToString(), Text5 = null, Text6 = null, Text7 = null }))
        .Concat(db.PaymentMechanisms.Where(p => p.AgreementVersionId == versionId).OrderBy(p => p.Order).ThenBy(p => p.Id).Take(AgreementLimits.RowsPerPart)
            .Select(p => new PartRow { Part = 4, Id = p.Id, Clause = p.ClauseId, Order = p.Order, Text1 = p.Description, Text2 = p.AccountOwnerName, Text3 = p.Iban, Text4 = p.Channels.ToString(), Text5 = null, Text6 = null, Text7 = null }))
        .Concat(db.Definitions.Where(p => p.AgreementVersionId == versionId).OrderBy(p => p.Order).ThenBy(p => p.Id).Take(AgreementLimits.RowsPerPart)
            .Select(p => new PartRow { Part = 6, Id = p.Id, Clause = p.ClauseId, Order = p.Order, Text1 = p.Term, Text2 = p.Text, Text3 = null, Text4 = null, Text5 = null, Text6 = null, Text7 = null }))
        .Concat(db.AppendixItems.Where(p => p.AgreementVersionId == versionId).OrderBy(p => p.Order).ThenBy(p => p.Id).Take(AgreementLimits.RowsPerPart)
            .Select(p => new PartRow { Part = 7, Id = p.Id, Clause = p.ClauseId, Order = p.Order, Text1 = p.Text, Text2 = null, Text3 = null, Text4 = null, Text5 = null, Text6 = null, Text7 = null }));

    /// <summary>Adds this row to its part of the version, as the entity it came from.</summary>
    public void AddTo(AgreementVersion v)
    {
        switch (Part)
        {
            case 0: v.Sections.Add(new Section { Id = Id, AgreementVersionId = v.Id, ClauseId = Clause, Kind = Enum.Parse<SectionKind>(Text2!), Body = Text1 ?? "" }); break;
            case 1: v.Obligations.Add(new Obligation { Id = Id, AgreementVersionId = v.Id, ClauseId = Clause, Side = Enum.Parse<ObligationSide>(Text3!), Order = Order, Text = Text1 ?? "", Target = Text2 }); break;
            case 2:
                v.DataRows.Add(new DataClassificationRow
                {
                    Id = Id, AgreementVersionId = v.Id, ClauseId = Clause, Order = Order, DataType = Text1 ?? "", ProvidingUnit = Enum.Parse<DataParty>(Text2!),
                    ReceivingUnit = Enum.Parse<DataParty>(Text3!), StorageLevel = Enum.Parse<StorageLevel>(Text4!), PublicationScope = Enum.Parse<PublicationScope>(Text5!),
                    UsedForAnalytics = Flag(Text6), PublicVisible = Flag(Text7),
                });
                break;
            case 3:
                v.Fees.Add(new Fee
                {
                    Id = Id, AgreementVersionId = v.Id, ClauseId = Clause, Order = Order, ServiceName = Text1 ?? "", Description = Text2, CostType = Enum.Parse<CostType>(Text3!),
                    AmountRials = string.IsNullOrEmpty(Text4) ? null : long.Parse(Text4, CultureInfo.InvariantCulture),
                });
                break;
            case 4:
                v.PaymentMechanisms.Add(new PaymentMechanism
                {
                    Id = Id, AgreementVersionId = v.Id, ClauseId = Clause, Order = Order, Description = Text1 ?? "", AccountOwnerName = Text2, Iban = Text3, Channels = Enum.Parse<PaymentChannels>(Text4!),
                });
                break;
            case 6: v.Definitions.Add(new Definition { Id = Id, AgreementVersionId = v.Id, ClauseId = Clause, Order = Order, Term = Text1 ?? "", Text = Text2 ?? "" }); break;
            default: v.AppendixItems.Add(new AppendixItem { Id = Id, AgreementVersionId = v.Id, ClauseId = Clause, Order = Order, Text = Text1 ?? "" }); break;
        }
    }

    /// <summary>A boolean as the database writes it as text: «1»/«0» (SQLite) or «true»/«false» in any case.</summary>
    private static bool Flag(string? text) => text == "1" || string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
}
