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

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Services.AddRange(services);
        await db.SaveChangesAsync(cancellationToken);
        // The pointers go in a second step: a version and its agreement cannot point at each other in one insert.
        foreach (var agreement in services.Select(s => s.Agreement!))
        {
            var version = agreement.Versions.Single();
            if (version.Status == AgreementStatus.Published) agreement.InForceVersion = version;
            else agreement.WorkingVersion = version;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
        Require(!(v.IsFree == true && v.Fees.Count > 0), "a free service cannot have fees.");

        void RequireSection(bool hasParts, SectionKind kind) =>
            Require(!hasParts || kinds.Contains(kind), $"there are {kind} parts but no {kind} section.");
        RequireSection(v.ProviderObligations.Count + v.RecipientObligations.Count > 0, SectionKind.Obligations);
        RequireSection(v.DataRows.Count > 0, SectionKind.Data);
        RequireSection(v.Fees.Count + v.PaymentMechanisms.Count > 0 || v.CostNote is not null || v.PaymentsIntro is not null, SectionKind.Costs);
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
            Nature = s.Nature,
            Types = s.Types,
            Level = s.Level,
            ServiceDeskUrl = s.ServiceDeskUrl,
            Status = s.Status,
        };
        service.Recipients.AddRange(s.Recipients.Select(r => Party(r, parties)));

        var v = seed.Version;
        var agreement = new Agreement { EService = service };
        agreement.Versions.Add(Content(seed).ToVersion(v.Number, v.Status));
        service.Agreement = agreement;
        return service;
    }

    /// <summary>What the seed's agreement says, with a new clause identity for every part.</summary>
    internal static AgreementContent Content(SeedFile seed)
    {
        var v = seed.Version;
        return new AgreementContent
        {
            ServiceTitle = seed.Service.Title,
            ProviderName = seed.Service.Provider.Name,
            RecipientsDescription = seed.Service.RecipientsDescription,
            Letterhead = Lines(v.Letterhead),
            DocumentTitle = v.DocumentTitle,
            Subheading = Lines(v.Subheading),
            ValidUntil = v.ValidUntil is null ? null : Jalali.Parse(v.ValidUntil),
            ValidityText = v.ValidityText,
            Signatory = v.Signatory,
            StatesClauseCount = v.StatesClauseCount,
            ProviderObligationsIntro = v.ProviderObligationsIntro,
            RecipientObligationsIntro = v.RecipientObligationsIntro,
            IsFree = v.IsFree,
            CostNote = v.CostNote,
            PaymentsIntro = v.PaymentsIntro,
            Sections = [.. v.Sections.Select(x => new SectionLine(Guid.NewGuid(), x.Kind, string.Join("\n", x.Paragraphs)))],
            Obligations = [.. Obligations(ObligationSide.Provider, v.ProviderObligations), .. Obligations(ObligationSide.Recipient, v.RecipientObligations)],
            DataRows = [.. v.DataRows.Select((x, i) => new DataLine(Guid.NewGuid(), i + 1, x.DataType, x.ProvidingUnit, x.ReceivingUnit, x.StorageLevel, x.UsedForAnalytics, x.PublicVisible, x.PublicationScope))],
            Fees = [.. v.Fees.Select((x, i) => new FeeLine(Guid.NewGuid(), i + 1, x.ServiceName, x.CostType, x.Description, x.AmountRials))],
            Payments = [.. v.PaymentMechanisms.Select((x, i) => new PaymentLine(Guid.NewGuid(), i + 1, x.Description, x.AccountOwner, x.Iban, x.Channels))],
            LegalReferences =
            [
                .. v.LegalReferences.Select((x, i) => new LegalReferenceLine(Guid.NewGuid(), i + 1, x.Title, x.ArticleOrClause, x.ApprovingBody, x.Number,
                    x.Date is null ? null : Jalali.Parse(x.Date), x.Note)),
            ],
            Definitions = [.. v.Definitions.Select((x, i) => new DefinitionLine(Guid.NewGuid(), i + 1, x.Term, x.Text))],
            AppendixItems = [.. v.AppendixItems.Select((x, i) => new AppendixLine(Guid.NewGuid(), i + 1, x))],
        }.Normalized();
    }

    private static string? Lines(IReadOnlyList<string> lines) => lines.Count == 0 ? null : string.Join("\n", lines);

    private static IEnumerable<ObligationLine> Obligations(ObligationSide side, IReadOnlyList<SeedObligation> items) =>
        items.Select((x, i) => new ObligationLine(Guid.NewGuid(), side, i + 1, x.Text, x.Target));

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
