using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Data.Seeds;

using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Seeds;

public sealed class SeedCatalogueTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Application_embeds_the_five_seed_files()
    {
        Assert.Equal(
            ["000-certificate.json", "001-smart-services.json", "002-software-approval.json", "003-exchange-centre.json", "004-khorasan.json"],
            SeedCatalogue.ReadEmbeddedFiles().Select(f => f.Name));
    }

    [Fact]
    public async Task Seeding_an_empty_database_loads_five_services_with_one_published_version_in_force_each()
    {
        await _database.SeedAsync();

        await using var db = _database.CreateDbContext();
        Assert.Equal(5, await db.Services.CountAsync());
        Assert.Equal(5, await db.Agreements.CountAsync());
        var versions = await db.AgreementVersions.ToListAsync();
        Assert.All(versions, v => Assert.Equal((1, AgreementStatus.Published), (v.Number, v.Status)));
        Assert.All(versions, v => Assert.NotEqual(default, v.UpdatedAt));
        Assert.Equal(5, versions.Count);
        var agreements = await db.Agreements.ToListAsync();
        Assert.All(agreements, a => Assert.Equal(versions.Single(v => v.AgreementId == a.Id).Id, a.InForceVersionId));
        Assert.All(agreements, a => Assert.Null(a.WorkingVersionId));
    }

    [Fact]
    public async Task Every_part_of_every_seed_has_its_own_clause_identity()
    {
        await _database.SeedAsync();

        await using var db = _database.CreateDbContext();
        var contents = (await SlaAdmin.Features.Agreements.AgreementStore.WithEverything(db.AgreementVersions).ToListAsync())
            .Select(AgreementContent.Of).ToList();
        var ids = contents.SelectMany(c => c.ClauseIds).ToList();
        var parts = await db.Sections.CountAsync() + await db.Obligations.CountAsync() + await db.DataRows.CountAsync()
            + await db.Fees.CountAsync() + await db.PaymentMechanisms.CountAsync() + await db.LegalReferences.CountAsync()
            + await db.Definitions.CountAsync() + await db.AppendixItems.CountAsync();
        Assert.Equal(parts, ids.Count);
        Assert.DoesNotContain(Guid.Empty, ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task No_seed_states_service_types_level_or_status()
    {
        await _database.SeedAsync();

        await using var db = _database.CreateDbContext();
        Assert.All(await db.Services.ToListAsync(), s => Assert.Equal((null, null, null), (s.Types, s.Level, s.Status)));
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing()
    {
        await _database.SeedAsync();
        var before = await CountsAsync();

        await _database.SeedAsync();

        Assert.Equal(before, await CountsAsync());
        Assert.Equal([5, 6, 5, 42, 59, 6, 1, 1], before);
    }

    [Fact]
    public async Task Parties_are_shared_between_agreements()
    {
        await _database.SeedAsync();

        await using var db = _database.CreateDbContext();
        var parties = await db.Organizations.Include(o => o.ProvidedServices).Include(o => o.ReceivedServices).ToListAsync();
        Assert.Equal(
            ["استانداری خراسان جنوبی", "اشخاص حقیقی", "دستگاه\u200cهای دولتی", "سازمان فناوری اطلاعات ایران", "شرکت\u200cها", "شهروندان"],
            parties.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(4, parties.Single(p => p.Name == "سازمان فناوری اطلاعات ایران").ProvidedServices.Count);
        Assert.Equal(4, parties.Single(p => p.Name == "شرکت\u200cها").ReceivedServices.Count);
        Assert.Equal(3, parties.Single(p => p.Name == "شهروندان").ReceivedServices.Count);
        // 002's account owner is the text the agreement prints, not a party of the catalogue.
        Assert.DoesNotContain(parties, p => p.Name.Contains("دارایی", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Broken_json_fails_with_the_file_name_and_loads_nothing()
    {
        var files = SeedCatalogue.ReadEmbeddedFiles().Append(new SeedSource("005-broken.json", "{ \"service\": ")).ToList();

        await using var db = _database.CreateDbContext();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SeedCatalogue.EnsureSeededAsync(db, files, CancellationToken.None));

        Assert.Contains("005-broken.json", error.Message);
        await AssertEmptyAsync();
    }

    public static TheoryData<string, Action<JsonNode>> Mistakes => new()
    {
        { "an unknown status", seed => seed["version"]!["status"] = "Publishd" },
        { "a date that is not a Jalali date", seed => seed["version"]!["validUntil"] = "1400/13/29" },
        { "a missing title", seed => seed["service"]!.AsObject().Remove("title") },
        { "a misspelt property", seed => seed["version"]!.AsObject().Add("valdUntil", "1400/12/29") },
        { "a null obligation text", seed => seed["version"]!["providerObligations"]![0]!["text"] = null },
        { "a section given twice", seed => seed["version"]!["sections"]!.AsArray().Add(JsonNode.Parse("""{ "kind": "Termination", "paragraphs": [] }""")) },
        { "data rows without a data section", seed => seed["version"]!["sections"]!.AsArray().RemoveAt(4) },
        { "an enum given as a number", seed => seed["service"]!["level"] = 1 },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_seed_with_a_mistake_fails_with_its_name_and_loads_nothing(string mistake, Action<JsonNode> spoil)
    {
        var files = SeedCatalogue.ReadEmbeddedFiles().ToList();
        var seed = JsonNode.Parse(files[0].Json)!;
        spoil(seed);
        files[0] = files[0] with { Json = seed.ToJsonString() };

        await using var db = _database.CreateDbContext();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SeedCatalogue.EnsureSeededAsync(db, files, CancellationToken.None));

        Assert.True(error.Message.Contains("000-certificate.json", StringComparison.Ordinal), $"{mistake}: {error.Message}");
        await AssertEmptyAsync();
    }

    [Fact]
    public void Seed_files_are_written_in_persian_letters_with_zero_width_non_joiners()
    {
        foreach (var file in SeedCatalogue.ReadEmbeddedFiles())
        {
            Assert.DoesNotContain('\u064A', file.Json); // Arabic yeh
            Assert.DoesNotContain('\u0643', file.Json); // Arabic kaf
            foreach (var unjoined in new[] { "میشود", "می شود", "میباشد", "می باشد", "سامانهها", "دادههای", "هزینهها", "نرم افزار", "نرمافزار", "اطلاعرسانی" })
                Assert.False(file.Json.Contains(unjoined, StringComparison.Ordinal), $"{file.Name} has «{unjoined}»");
            Assert.Contains("می\u200cشود", file.Json);
        }
    }

    [Fact]
    public async Task No_stored_text_contains_arabic_yeh_or_kaf()
    {
        await _database.SeedAsync();

        await using var db = _database.CreateDbContext();
        var texts = new List<string?>();
        texts.AddRange(await db.Organizations.Select(o => o.Name).ToListAsync());
        texts.AddRange((await db.Services.ToListAsync()).SelectMany(s => new[] { s.Title, s.ServiceDeskUrl }));
        texts.AddRange((await db.AgreementVersions.ToListAsync()).SelectMany(v => new[]
        {
            v.ServiceTitle, v.ProviderName, v.RecipientsDescription, v.Letterhead, v.DocumentTitle, v.Subheading, v.ValidityText, v.Signatory,
            v.ProviderObligationsIntro, v.RecipientObligationsIntro, v.CostNote, v.PaymentsIntro,
        }));
        texts.AddRange(await db.Sections.Select(s => s.Body).ToListAsync());
        texts.AddRange((await db.Obligations.ToListAsync()).SelectMany(o => new[] { o.Text, o.Target }));
        texts.AddRange(await db.DataRows.Select(r => r.DataType).ToListAsync());
        texts.AddRange((await db.Fees.ToListAsync()).SelectMany(f => new[] { f.ServiceName, f.Description }));
        texts.AddRange((await db.PaymentMechanisms.ToListAsync()).SelectMany(p => new[] { p.Description, p.AccountOwnerName }));
        texts.AddRange((await db.LegalReferences.ToListAsync()).SelectMany(r => new[] { r.Title, r.ArticleOrClause, r.ApprovingBody, r.Number, r.Note }));
        texts.AddRange((await db.Definitions.ToListAsync()).SelectMany(d => new[] { d.Term, d.Text }));

        Assert.True(texts.Count > 150);
        Assert.All(texts.OfType<string>(), t => Assert.False(t.Contains('\u064A') || t.Contains('\u0643'), t));
    }

    private async Task<int[]> CountsAsync()
    {
        await using var db = _database.CreateDbContext();
        return
        [
            await db.Services.CountAsync(), await db.Organizations.CountAsync(), await db.AgreementVersions.CountAsync(),
            await db.Sections.CountAsync(), await db.Obligations.CountAsync(), await db.DataRows.CountAsync(),
            await db.Fees.CountAsync(), await db.PaymentMechanisms.CountAsync(),
        ];
    }

    private async Task AssertEmptyAsync()
    {
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Services.CountAsync());
        Assert.Equal(0, await db.Organizations.CountAsync());
        Assert.Equal(0, await db.AgreementVersions.CountAsync());
    }
}
