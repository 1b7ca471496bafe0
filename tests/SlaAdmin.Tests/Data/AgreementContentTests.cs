using Microsoft.EntityFrameworkCore;
using SlaAdmin.Components.Shared;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Tests.TestSupport;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Tests.Data;

/// <summary>The one content shape of a version: its equality, its canonical form, its copy into a new version.</summary>
public sealed class AgreementContentTests
{
    private static readonly Guid Intro = Guid.NewGuid(), Obligations = Guid.NewGuid(), First = Guid.NewGuid(), Second = Guid.NewGuid(), Third = Guid.NewGuid();

    /// <summary>A small agreement: two sections, two provider obligations and one recipient obligation.</summary>
    private static AgreementContent Sample() => new AgreementContent
    {
        ServiceTitle = "صدور گواهی آزمایشی",
        ProviderName = "سازمان فناوری اطلاعات ایران",
        ValidUntil = new DateOnly(2025, 3, 20),
        ValidityText = "تا پایان سال ۱۴۰۳",
        IsFree = true,
        Sections = [new SectionLine(Intro, SectionKind.Introduction, "مقدمه"), new SectionLine(Obligations, SectionKind.Obligations, "")],
        Obligations =
        [
            new ObligationLine(First, ObligationSide.Provider, 1, "پاسخ‌گویی در ۲۴ ساعت", "24×7"),
            new ObligationLine(Second, ObligationSide.Provider, 2, "اطلاع‌رسانی قطعی‌ها", null),
            new ObligationLine(Third, ObligationSide.Recipient, 1, "ارائه مدارک از طریق سامانه", null),
        ],
    }.Normalized();

    [Fact]
    public void Two_contents_with_the_same_words_and_clauses_are_equal()
    {
        Assert.Equal(Sample(), Sample());
        Assert.Equal(Sample().GetHashCode(), Sample().GetHashCode());
    }

    [Fact]
    public void One_changed_word_makes_the_contents_differ()
    {
        var changed = Drafts.RewordFirstProviderObligation(Sample(), "پاسخ‌گویی در ۴۸ ساعت");

        Assert.NotEqual(Sample(), changed);
    }

    [Fact]
    public void One_reordered_obligation_makes_the_contents_differ()
    {
        var sample = Sample();
        var reordered = sample with
        {
            Obligations = [.. sample.Obligations.Select(o => o.Clause == First ? o with { Order = 2 } : o.Clause == Second ? o with { Order = 1 } : o)],
        };

        Assert.NotEqual(sample, reordered.Normalized());
    }

    [Fact]
    public void One_changed_clause_identity_makes_the_contents_differ_though_the_words_are_the_same()
    {
        var sample = Sample();
        var other = sample with { Obligations = [.. sample.Obligations.Select(o => o.Clause == Third ? o with { Clause = Guid.NewGuid() } : o)] };

        Assert.NotEqual(sample, other);
    }

    [Fact]
    public void Normalized_orders_sections_by_the_template_and_renumbers_obligations_within_each_side()
    {
        var messy = new AgreementContent
        {
            ServiceTitle = "  خدمت آزمايشي ",
            ProviderName = "سازمان",
            Signatory = "   ",
            Sections = [new SectionLine(Obligations, SectionKind.Obligations, "تعهدات\r\nدو طرف"), new SectionLine(Intro, SectionKind.Introduction, "مقدمه")],
            Obligations =
            [
                new ObligationLine(Third, ObligationSide.Recipient, 7, "تعهد گیرنده", null),
                new ObligationLine(Second, ObligationSide.Provider, 9, "دوم", null),
                new ObligationLine(First, ObligationSide.Provider, 4, "اول", "  "),
            ],
        };

        var normal = messy.Normalized();

        Assert.Equal([SectionKind.Introduction, SectionKind.Obligations], normal.Sections.Select(s => s.Kind));
        Assert.Equal("تعهدات\nدو طرف", normal.Sections[1].Body);
        Assert.Equal([(First, ObligationSide.Provider, 1), (Second, ObligationSide.Provider, 2), (Third, ObligationSide.Recipient, 1)],
            normal.Obligations.Select(o => (o.Clause, o.Side, o.Order)));
        Assert.Null(normal.Obligations[0].Target);
        Assert.Equal("خدمت آزمایشی", normal.ServiceTitle);
        Assert.Null(normal.Signatory);
        Assert.Equal(normal, normal.Normalized());
        Assert.Equal(2, normal.ClauseNumberOf(SectionKind.Obligations));
        Assert.Null(normal.ClauseNumberOf(SectionKind.Costs));
    }

    [Fact]
    public void A_content_copied_into_a_new_version_reads_back_the_same_with_its_clause_identities()
    {
        var version = Sample().ToVersion(2, AgreementStatus.Draft);

        Assert.Equal((2, AgreementStatus.Draft), (version.Number, version.Status));
        Assert.Equal([First, Second, Third], version.Obligations.Select(o => o.ClauseId));
        Assert.Equal(Sample(), AgreementContent.Of(version));
    }

    [Fact]
    public async Task A_seed_copied_to_a_new_draft_in_the_database_keeps_every_word_and_clause_identity()
    {
        using var database = new TestDatabase();
        await database.SeedAsync();
        int agreementId;
        AgreementContent inForce;
        await using (var db = database.CreateDbContext())
        {
            agreementId = await db.Agreements.Where(a => a.EService.Title == Seeded.Certificate).Select(a => a.Id).SingleAsync();
            inForce = AgreementContent.Of(await AgreementStore.WithEverything(db.AgreementVersions).SingleAsync(v => v.AgreementId == agreementId));
        }

        var draftId = await Drafts.StartAsync(database, agreementId);

        await using var check = database.CreateDbContext();
        var draft = await AgreementStore.WithEverything(check.AgreementVersions).SingleAsync(v => v.Id == draftId);
        Assert.Equal((2, AgreementStatus.Draft), (draft.Number, draft.Status));
        Assert.Equal(inForce, AgreementContent.Of(draft));
        Assert.Equal(inForce.ClauseIds, AgreementContent.Of(draft).ClauseIds);
        Assert.Equal(draftId, (await check.Agreements.SingleAsync(a => a.Id == agreementId)).WorkingVersionId);
    }

    [Fact]
    public void An_agreement_expires_the_day_after_its_last_valid_day()
    {
        var end = new DateOnly(2025, 3, 20);

        Assert.False(Validity.IsExpired(end, end));
        Assert.True(Validity.IsExpired(end, end.AddDays(1)));
        Assert.False(Validity.IsExpired(end, end.AddDays(-1)));
    }

    [Fact]
    public void An_agreement_valid_until_an_event_never_expires_nor_expires_soon()
    {
        var today = new DateOnly(2030, 1, 1);

        Assert.False(Validity.IsExpired(null, today));
        Assert.False(Validity.ExpiresWithin(null, today, 90));
        Assert.Equal("تا پایان دولت یازدهم", Validity.Sentence(null, "تا پایان دولت یازدهم"));
    }

    [Fact]
    public void Expiring_within_counts_today_and_the_last_day_but_not_what_has_already_expired()
    {
        var today = new DateOnly(2024, 12, 31);

        Assert.True(Validity.ExpiresWithin(today, today, 90));
        Assert.True(Validity.ExpiresWithin(today.AddDays(90), today, 90));
        Assert.False(Validity.ExpiresWithin(today.AddDays(91), today, 90));
        Assert.False(Validity.ExpiresWithin(today.AddDays(-1), today, 90));
    }

    [Fact]
    public void Only_a_published_version_past_its_end_reads_expired()
    {
        Assert.Equal("منقضی", Labels.StatusOf(AgreementStatus.Published, expired: true));
        Assert.Equal(Labels.Of(AgreementStatus.Published), Labels.StatusOf(AgreementStatus.Published, expired: false));
        Assert.Equal(Labels.Of(AgreementStatus.Draft), Labels.StatusOf(AgreementStatus.Draft, expired: true));
        Assert.Equal(Labels.Of(AgreementStatus.Superseded), Labels.StatusOf(AgreementStatus.Superseded, expired: true));
        Assert.DoesNotContain(Labels.All<AgreementStatus>(), s => s.Label == "منقضی");
    }
}

/// <summary>A published version is frozen: the save pipeline refuses any change to it, through a real SQLite database.</summary>
public sealed class FrozenVersionTests : IAsyncLifetime
{
    private const string Refusal = "نسخه ۱ منتشر شده است و تغییر نمی‌کند؛ چیزی ذخیره نشد. برای تغییر، از آن پیش‌نویس تازه‌ای بسازید.";

    private readonly TestDatabase _database = new();
    private int _agreementId;
    private int _versionId;
    private AgreementContent _before = null!;

    public async Task InitializeAsync()
    {
        await _database.SeedAsync();
        await using var db = _database.CreateDbContext();
        var agreement = await db.Agreements.SingleAsync(a => a.EService.Title == Seeded.Certificate);
        (_agreementId, _versionId) = (agreement.Id, agreement.InForceVersionId!.Value);
        _before = await ContentAsync(_versionId);
    }

    public static TheoryData<string, Func<SlaDbContext, int, Task>> Changes => new()
    {
        { "a field", async (db, id) => (await db.AgreementVersions.SingleAsync(v => v.Id == id)).Signatory = "امضای دیگر" },
        { "a field with the step to superseded", async (db, id) =>
            {
                var v = await db.AgreementVersions.SingleAsync(v => v.Id == id);
                v.Status = AgreementStatus.Superseded;
                v.ValidityText = "تا پایان سال ۱۴۰۵";
            } },
        { "an added obligation", (db, id) =>
            {
                db.Obligations.Add(new Obligation { AgreementVersionId = id, Side = ObligationSide.Provider, Order = 11, Text = "تعهد تازه" });
                return Task.CompletedTask;
            } },
        { "a removed obligation", async (db, id) => db.Obligations.Remove(await db.Obligations.FirstAsync(o => o.AgreementVersionId == id)) },
        { "a reworded obligation", async (db, id) => (await db.Obligations.FirstAsync(o => o.AgreementVersionId == id)).Text = "متن دیگر" },
        { "a changed data row", async (db, id) => (await db.DataRows.FirstAsync(r => r.AgreementVersionId == id)).PublicVisible ^= true },
        { "a changed section", async (db, id) => (await db.Sections.FirstAsync(s => s.AgreementVersionId == id)).Body = "متن دیگر" },
        { "the deleted version", async (db, id) => db.AgreementVersions.Remove(await db.AgreementVersions.SingleAsync(v => v.Id == id)) },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Any_change_to_a_published_version_is_refused_in_persian_and_nothing_is_saved(string change, Func<SlaDbContext, int, Task> make)
    {
        await using (var db = _database.CreateDbContext())
        {
            await make(db, _versionId);
            var refused = await Assert.ThrowsAsync<FrozenVersionException>(() => db.SaveChangesAsync());
            Assert.True(refused.Message == Refusal, $"{change}: {refused.Message}");
            Assert.Equal(1, refused.VersionNumber);
        }

        await using var check = _database.CreateDbContext();
        var version = await check.AgreementVersions.SingleAsync(v => v.Id == _versionId);
        Assert.Equal(AgreementStatus.Published, version.Status);
        Assert.Equal(_before, await ContentAsync(_versionId));
    }

    [Fact]
    public async Task A_published_version_may_become_superseded()
    {
        await using (var db = _database.CreateDbContext())
        {
            (await db.AgreementVersions.SingleAsync(v => v.Id == _versionId)).Status = AgreementStatus.Superseded;
            await db.SaveChangesAsync();
        }

        await using var check = _database.CreateDbContext();
        Assert.Equal(AgreementStatus.Superseded, (await check.AgreementVersions.SingleAsync(v => v.Id == _versionId)).Status);
        Assert.Equal(_before, await ContentAsync(_versionId));
    }

    [Fact]
    public async Task A_superseded_version_is_frozen_too()
    {
        await using (var db = _database.CreateDbContext())
        {
            (await db.AgreementVersions.SingleAsync(v => v.Id == _versionId)).Status = AgreementStatus.Superseded;
            await db.SaveChangesAsync();
        }

        await using var again = _database.CreateDbContext();
        (await again.AgreementVersions.SingleAsync(v => v.Id == _versionId)).Status = AgreementStatus.Published;
        await Assert.ThrowsAsync<FrozenVersionException>(() => again.SaveChangesAsync());
    }

    [Fact]
    public async Task A_draft_is_changed_freely_field_and_parts()
    {
        var draftId = await Drafts.StartAsync(_database, _agreementId);

        await using (var db = _database.CreateDbContext())
        {
            (await db.AgreementVersions.SingleAsync(v => v.Id == draftId)).Signatory = "امضای دیگر";
            db.Obligations.Remove(await db.Obligations.FirstAsync(o => o.AgreementVersionId == draftId));
            (await db.Sections.FirstAsync(s => s.AgreementVersionId == draftId)).Body = "متن دیگر";
            db.Obligations.Add(new Obligation { AgreementVersionId = draftId, Side = ObligationSide.Recipient, Order = 5, Text = "تعهد تازه" });
            await db.SaveChangesAsync();
        }

        var draft = await ContentAsync(draftId);
        Assert.Equal("امضای دیگر", draft.Signatory);
        Assert.Contains(draft.Obligations, o => o.Text == "تعهد تازه");
        Assert.Equal(_before.Obligations.Count, draft.Obligations.Count);
        Assert.Equal(_before, await ContentAsync(_versionId));
    }

    private async Task<AgreementContent> ContentAsync(int versionId)
    {
        await using var db = _database.CreateDbContext();
        return AgreementContent.Of(await AgreementStore.WithEverything(db.AgreementVersions).SingleAsync(v => v.Id == versionId));
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}
