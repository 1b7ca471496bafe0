using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Data.Seeds;

/// <summary>
/// Loads the five seed agreements (Data/Seeds/*.json, embedded) into an empty catalogue, once.
/// Every file is read, checked and mapped before anything is written, and everything is written by
/// one SaveChanges (one transaction), so a bad file stops the start with its name and loads nothing.
/// </summary>
internal static class SeedCatalogue
{
    private const string ResourcePrefix = "SlaAdmin.Data.Seeds.";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static Task EnsureSeededAsync(SlaDbContext db, CancellationToken cancellationToken) =>
        EnsureSeededAsync(db, ReadEmbeddedFiles(), cancellationToken);

    /// <summary>Seeds from the given (file name, JSON) pairs when the catalogue has no service yet.</summary>
    internal static async Task EnsureSeededAsync(SlaDbContext db, IReadOnlyList<SeedSource> files, CancellationToken cancellationToken)
    {
        if (await db.Services.AnyAsync(cancellationToken)) return;

        var parties = await db.Organizations.ToDictionaryAsync(o => o.Name, StringComparer.Ordinal, cancellationToken);
        var services = files.Select(file => Load(file, parties)).ToList();

        db.Services.AddRange(services);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The embedded seed files, in file-name order.</summary>
    internal static IReadOnlyList<SeedSource> ReadEmbeddedFiles()
    {
        var assembly = typeof(SeedCatalogue).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new SeedSource(n[ResourcePrefix.Length..], reader.ReadToEnd());
            })
            .ToList();
        if (files.Count == 0) throw new InvalidOperationException("No seed file (Data/Seeds/*.json) is embedded in the application.");
        return files;
    }

    private static EService Load(SeedSource file, Dictionary<string, Organization> parties)
    {
        try
        {
            var seed = JsonSerializer.Deserialize<SeedFile>(file.Json, JsonOptions)
                ?? throw new InvalidDataException("the file is empty (null).");
            Check(seed);
            return Map(seed, parties);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"فایل داده اولیه «{file.Name}» نامعتبر است: {ex.Message}", ex);
        }
    }

    /// <summary>What JSON itself cannot say: no blank text, no part without its section.</summary>
    private static void Check(SeedFile seed)
    {
        var v = seed.Version;
        var kinds = v.Sections.Select(s => s.Kind).ToList();
        Require(v.Number >= 1, "version number must be 1 or more.");
        Require(!string.IsNullOrWhiteSpace(seed.Service.Title), "the service has no title.");
        Require(kinds.Distinct().Count() == kinds.Count, "a section kind appears twice.");
        Require(v.Sections.All(s => s.Paragraphs.All(p => !string.IsNullOrWhiteSpace(p))), "a section has a blank paragraph.");
        Require(v.ProviderObligations.Concat(v.RecipientObligations).All(o => !string.IsNullOrWhiteSpace(o.Text)), "an obligation has no text.");
        Require(!(v.IsFree && v.Fees.Count > 0), "a free service cannot have fees.");

        void RequireSection(bool hasParts, SectionKind kind) =>
            Require(!hasParts || kinds.Contains(kind), $"there are {kind} parts but no {kind} section.");
        RequireSection(v.ProviderObligations.Count + v.RecipientObligations.Count > 0, SectionKind.Obligations);
        RequireSection(v.DataRows.Count > 0, SectionKind.Data);
        RequireSection(v.Fees.Count + v.PaymentMechanisms.Count > 0 || v.CostNote is not null, SectionKind.Costs);
        RequireSection(v.LegalReferences.Count > 0, SectionKind.Responsibility);
        RequireSection(v.Definitions.Count > 0, SectionKind.Definitions);
        RequireSection(v.AppendixItems.Count > 0, SectionKind.Appendix);
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new InvalidDataException(message);
    }

    private static EService Map(SeedFile seed, Dictionary<string, Organization> parties)
    {
        var s = seed.Service;
        var service = new EService
        {
            Title = s.Title,
            NationalId = s.NationalId,
            Provider = Party(s.Provider, parties),
            RecipientsDescription = s.RecipientsDescription,
            Nature = s.Nature,
            Types = s.Types,
            Level = s.Level,
            ServiceDeskUrl = s.ServiceDeskUrl,
            Status = s.Status,
        };
        service.Recipients.AddRange(s.Recipients.Select(r => Party(r, parties)));

        var v = seed.Version;
        var version = new AgreementVersion
        {
            Number = v.Number,
            Status = v.Status,
            Letterhead = v.Letterhead.Count == 0 ? null : string.Join("\n", v.Letterhead),
            DocumentTitle = v.DocumentTitle,
            ValidUntil = v.ValidUntil is null ? null : Jalali.Parse(v.ValidUntil),
            ValidityText = v.ValidityText,
            Signatory = v.Signatory,
            StatesClauseCount = v.StatesClauseCount,
            ProviderObligationsIntro = v.ProviderObligationsIntro,
            RecipientObligationsIntro = v.RecipientObligationsIntro,
            IsFree = v.IsFree,
            CostNote = v.CostNote,
        };
        version.Sections.AddRange(v.Sections.Select(x => new Section { Kind = x.Kind, Body = string.Join("\n", x.Paragraphs) }));
        version.Obligations.AddRange(Obligations(ObligationSide.Provider, v.ProviderObligations));
        version.Obligations.AddRange(Obligations(ObligationSide.Recipient, v.RecipientObligations));
        version.DataRows.AddRange(v.DataRows.Select((x, i) => new DataClassificationRow
        {
            Order = i + 1,
            DataType = x.DataType,
            ProvidingUnit = x.ProvidingUnit,
            ReceivingUnit = x.ReceivingUnit,
            StorageLevel = x.StorageLevel,
            UsedForAnalytics = x.UsedForAnalytics,
            PublicVisible = x.PublicVisible,
            PublicationScope = x.PublicationScope,
        }));
        version.Fees.AddRange(v.Fees.Select((x, i) => new Fee
        {
            Order = i + 1,
            ServiceName = x.ServiceName,
            CostType = x.CostType,
            Description = x.Description,
            AmountRials = x.AmountRials,
        }));
        version.PaymentMechanisms.AddRange(v.PaymentMechanisms.Select((x, i) => new PaymentMechanism
        {
            Order = i + 1,
            Description = x.Description,
            AccountOwner = x.AccountOwner is null ? null : Party(x.AccountOwner, parties),
            Iban = x.Iban,
            Channels = x.Channels,
        }));
        version.LegalReferences.AddRange(v.LegalReferences.Select((x, i) => new LegalReference
        {
            Order = i + 1,
            Title = x.Title,
            ArticleOrClause = x.ArticleOrClause,
            ApprovingBody = x.ApprovingBody,
            Number = x.Number,
            Date = x.Date is null ? null : Jalali.Parse(x.Date),
            Note = x.Note,
        }));
        version.Definitions.AddRange(v.Definitions.Select((x, i) => new Definition { Order = i + 1, Term = x.Term, Text = x.Text }));
        version.AppendixItems.AddRange(v.AppendixItems.Select((x, i) => new AppendixItem { Order = i + 1, Text = x }));

        var agreement = new Agreement { EService = service };
        agreement.Versions.Add(version);
        service.Agreement = agreement;
        return service;
    }

    private static IEnumerable<Obligation> Obligations(ObligationSide side, IReadOnlyList<SeedObligation> items) =>
        items.Select((x, i) => new Obligation { Side = side, Order = i + 1, Text = x.Text, Target = x.Target });

    /// <summary>One organization per name across all seeds (and any already stored).</summary>
    private static Organization Party(SeedParty party, Dictionary<string, Organization> parties)
    {
        if (parties.TryGetValue(party.Name, out var known))
        {
            Require(known.Kind == party.Kind, $"«{party.Name}» is {party.Kind} here but {known.Kind} elsewhere.");
            return known;
        }
        var created = new Organization { Name = party.Name, Kind = party.Kind };
        parties.Add(party.Name, created);
        return created;
    }
}

/// <summary>One seed file: its name (for errors) and its JSON text.</summary>
internal sealed record SeedSource(string Name, string Json);
