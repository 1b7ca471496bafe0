using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.History;
using SlaAdmin.Features.Review;
using SlaAdmin.Persian;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Review;

public class ReviewPageTests : ReviewTestContext
{
    [Fact]
    public async Task A_thread_is_started_replied_to_resolved_and_reopened_with_who_and_when_in_Persian()
    {
        await SeedAsync();
        var agreementId = AgreementId(Seeded.Certificate);
        await StartDraftAsync(Seeded.Certificate, status: AgreementStatus.InReview);
        SignInAs(Roles.LegalReviewer);
        var page = RenderReview(agreementId);
        Assert.Contains("نسخه ۲", page.Find("[data-testid=version-status]").TextContent, StringComparison.Ordinal);

        await page.FindAll("[data-testid=start-thread]")[0].ClickAsync(new());
        page.Find("textarea[data-testid=comment-text]").Input("این بند باید روشن‌تر بگوید چه کسی پاسخگوست.");
        await page.Find("[data-testid=comment-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=thread]")));
        Assert.Contains("نظر بر", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal);
        var first = page.Find("[data-testid=comment]");
        Assert.Equal(UserName, first.QuerySelector("[data-testid=comment-by]")!.TextContent);
        // 09:00 UTC on 31 December 2024 is 12:30 on 1403/10/11 in Tehran.
        Assert.Equal("۱۴۰۳/۱۰/۱۱، ساعت ۱۲:۳۰", first.QuerySelector("[data-testid=comment-at]")!.TextContent);
        Assert.Equal(HistoryList.Moment(Clock.GetUtcNow()), first.QuerySelector("[data-testid=comment-at]")!.TextContent);

        page.Find("[data-testid=thread] input[data-testid=reply-text]").Input("موافقم؛ تهیه‌کننده اصلاح کند.");
        await page.Find("[data-testid=reply]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=thread] [data-testid=comment]").Count));
        Assert.Equal("باز", page.Find("[data-testid=thread-state]").TextContent.Trim());

        await page.Find("[data-testid=resolve]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("حل‌شده", page.Find("[data-testid=thread-state]").TextContent.Trim()));
        Assert.Contains(page.FindAll("[data-testid=comment-text-shown]"), c => c.TextContent == "رشته حل شد.");

        await page.Find("[data-testid=reopen]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("باز", page.Find("[data-testid=thread-state]").TextContent.Trim()));
        Assert.Equal("رشته دوباره باز شد.", page.Find("[data-testid=message]").TextContent.Trim());
    }

    [Fact]
    public async Task A_version_in_review_stored_past_the_limits_says_which_rows_the_reviewer_does_not_see()
    {
        await SeedAsync();
        var agreementId = AgreementId(Seeded.Certificate);
        var number = await StartDraftAsync(Seeded.Certificate, status: AgreementStatus.InReview);
        await AddObligationsPastTheLimitAsync(agreementId, number);
        SignInAs(Roles.LegalReviewer);

        var page = RenderReview(agreementId);

        Assert.Contains("این نسخه از حد ۵۰۰ ردیف در هر بخش بزرگ‌تر است", page.Find("[data-testid=part-limit]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"تعهدات: {PersianDigits.Format(1014)} ردیف ({PersianDigits.Format(514)} ردیف نشان داده نشده)", page.Find("[data-testid=part-limit-part]").TextContent.Trim());
    }

    [Fact]
    public async Task A_quote_that_is_not_in_the_clause_is_refused_in_the_services_words()
    {
        await SeedAsync();
        var agreementId = AgreementId(Seeded.Certificate);
        await StartDraftAsync(Seeded.Certificate, status: AgreementStatus.InReview);
        SignInAs(Roles.Administrator);
        var page = RenderReview(agreementId);

        await page.FindAll("[data-testid=start-thread]")[0].ClickAsync(new());
        page.Find("input[data-testid=quote]").Input("عبارتی که در هیچ بندی نیست");
        page.Find("textarea[data-testid=comment-text]").Input("نظر");
        await page.Find("[data-testid=comment-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("عبارت نقل‌شده در متن این بند نیست؛ آن را از خود بند برگزینید.", page.Find("[data-testid=message]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=thread]"));
        await using var db = NewDbContext();
        Assert.Equal(0, await db.Comments.CountAsync());
    }

    [Fact]
    public async Task A_thread_whose_clause_changed_since_it_began_is_marked()
    {
        await SeedAsync();
        var agreementId = AgreementId(Seeded.Certificate);
        var number = await StartDraftAsync(Seeded.Certificate);
        var clause = await FirstProviderObligationAsync(agreementId, number);
        var comments = Services.GetRequiredService<ReviewComments>();
        var quote = clause.Text.Split(' ')[0];
        var (threadId, said) = await comments.StartAsync(agreementId, number, clause.Id, quote, "این تعهد مبهم است.", Principal(Roles.LegalReviewer));
        Assert.NotNull(threadId);
        await using (var db = NewDbContext())
        {
            var obligation = await db.Obligations.SingleAsync(o => o.ClauseId == clause.Id && db.AgreementVersions.Any(v => v.Id == o.AgreementVersionId && v.Number == number));
            obligation.Text = "سازمان متعهد می‌شود پاسخ را در ۷۲ ساعت بدهد.";
            await db.SaveChangesAsync();
        }
        SignInAs(Roles.LegalReviewer);

        var page = RenderReview(agreementId);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=thread]")));
        Assert.Equal("بند پس از این نظر تغییر کرده است", page.Find("[data-testid=thread] [data-testid=clause-changed]").TextContent.Trim());
        Assert.Equal($"«{quote}»", page.Find("[data-testid=comment-quote]").TextContent.Trim());
    }

    /// <summary>The certificate agreement's draft in review, with one open thread on its first provider obligation.</summary>
    private async Task<int> InReviewWithAnOpenThreadAsync()
    {
        await SeedAsync();
        var agreementId = AgreementId(Seeded.Certificate);
        var number = await StartDraftAsync(Seeded.Certificate, status: AgreementStatus.InReview);
        var clause = await FirstProviderObligationAsync(agreementId, number);
        await Services.GetRequiredService<ReviewComments>().StartAsync(agreementId, number, clause.Id, null, "هنوز باز است.", Principal(Roles.LegalReviewer));
        return agreementId;
    }

    [Fact]
    public async Task Prerendered_the_review_takes_no_reply_and_no_action_until_its_circuit_is_live()
    {
        var agreementId = await InReviewWithAnOpenThreadAsync();
        SignInAs(Roles.LegalReviewer);
        Interactive = false;

        var page = RenderReview(agreementId);

        Assert.True(page.Find("input[data-testid=reply-text]").HasAttribute("disabled"));
        var actions = page.FindAll("[data-testid=approve], [data-testid=send-back], [data-testid=reply], [data-testid=resolve], [data-testid=start-thread]");
        Assert.True(actions.Count >= 5, $"{actions.Count} actions");
        Assert.All(actions, a => Assert.True(a.HasAttribute("disabled"), a.GetAttribute("data-testid")));
    }

    [Fact]
    public async Task Approving_with_open_threads_asks_for_the_reason_and_records_it()
    {
        var agreementId = await InReviewWithAnOpenThreadAsync();
        SignInAs(Roles.LegalReviewer);
        var page = RenderReview(agreementId);

        // The click waits on the dialog, so it is awaited once the dialog is answered.
        var approving = page.Find("[data-testid=approve]").ClickAsync(new());

        Dialogs.WaitForAssertion(() => Assert.NotEmpty(Dialogs.FindAll("textarea[data-testid=reason]")));
        Assert.Contains("۱ رشته نظر هنوز باز است", Dialogs.Find("[data-testid=reason-dialog]").TextContent, StringComparison.Ordinal);
        Assert.True(Dialogs.Find("[data-testid=reason-confirm]").HasAttribute("disabled"));
        Dialogs.Find("textarea[data-testid=reason]").Input("ابهام جزئی است و در نسخه بعد رفع می‌شود.");
        await Dialogs.Find("[data-testid=reason-confirm]").ClickAsync(new());
        await approving;

        page.WaitForAssertion(() => Assert.Equal("نسخه ۲ تأیید شد و آماده انتشار است.", page.Find("[data-testid=message]").TextContent.Trim()));
        Assert.Contains("تأییدشده", page.Find("[data-testid=version-status]").TextContent, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Contains("تأیید با ۱ نظر باز: ابهام جزئی است", page.Find("[data-testid=transition]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=approve]"));
    }

    [Fact]
    public async Task Sending_back_asks_for_the_reason_and_cancelling_changes_nothing()
    {
        await SeedAsync();
        var agreementId = AgreementId(Seeded.Certificate);
        await StartDraftAsync(Seeded.Certificate, status: AgreementStatus.InReview);
        SignInAs(Roles.LegalReviewer);
        var page = RenderReview(agreementId);

        var cancelled = page.Find("[data-testid=send-back]").ClickAsync(new());
        Dialogs.WaitForAssertion(() => Assert.NotEmpty(Dialogs.FindAll("[data-testid=reason-cancel]")));
        await Dialogs.Find("[data-testid=reason-cancel]").ClickAsync(new());
        await cancelled;
        Assert.Contains("در حال بررسی", page.Find("[data-testid=version-status]").TextContent, StringComparison.Ordinal);

        var sending = page.Find("[data-testid=send-back]").ClickAsync(new());
        Dialogs.WaitForAssertion(() => Assert.NotEmpty(Dialogs.FindAll("textarea[data-testid=reason]")));
        Dialogs.Find("textarea[data-testid=reason]").Input("جدول داده‌ها کامل نیست.");
        await Dialogs.Find("[data-testid=reason-confirm]").ClickAsync(new());
        await sending;

        page.WaitForAssertion(() => Assert.Contains("پیش‌نویس", page.Find("[data-testid=version-status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("جدول داده‌ها کامل نیست.", page.Find("[data-testid=transition]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_submits_a_draft_and_publishes_it_once_approved()
    {
        await SeedAsync();
        var agreementId = AgreementId(Seeded.Certificate);
        await StartDraftAsync(Seeded.Certificate);
        SignInAs(Roles.Administrator);
        var page = RenderReview(agreementId);
        Assert.Empty(page.FindAll("[data-testid=approve]"));
        Assert.Equal("/agreements/" + agreementId + "/compare?from=1&to=2", page.Find("[data-testid=compare-link]").GetAttribute("href"));

        await page.Find("[data-testid=submit]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("نسخه ۲ برای بررسی حقوقی فرستاده شد.", page.Find("[data-testid=message]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=submit]"));
        Assert.Empty(page.FindAll("[data-testid=approve]"));

        var stamp = (await Services.GetRequiredService<SlaAdmin.Features.Agreements.AgreementStore>().LoadAsync(agreementId, 2))!.Version.ConcurrencyStamp;
        Assert.True((await Services.GetRequiredService<LegalReview>().ApproveAsync(agreementId, stamp, null, Principal(Roles.LegalReviewer))).Succeeded);
        var again = RenderReview(agreementId);
        await again.Find("[data-testid=publish]").ClickAsync(new());

        again.WaitForAssertion(() => Assert.Equal("نسخه ۲ منتشر شد و اکنون در حال اجراست.", again.Find("[data-testid=message]").TextContent.Trim()));
        // Published, nothing is in the works any more.
        Assert.NotEmpty(again.FindAll("[data-testid=no-working]"));
    }

    [Fact]
    public async Task A_viewer_sees_no_actions_and_the_service_refuses_them_too()
    {
        await SeedAsync();
        var agreementId = AgreementId(Seeded.Certificate);
        var number = await StartDraftAsync(Seeded.Certificate, status: AgreementStatus.InReview);
        SignInAs(Roles.Viewer);

        var page = RenderReview(agreementId);

        Assert.NotEmpty(page.FindAll("[data-testid=clause]"));
        foreach (var action in new[] { "submit", "approve", "send-back", "publish", "start-thread", "reply", "resolve", "reopen" })
            Assert.Empty(page.FindAll($"[data-testid={action}]"));
        var clause = await FirstProviderObligationAsync(agreementId, number);
        var (id, refused) = await Services.GetRequiredService<ReviewComments>().StartAsync(agreementId, number, clause.Id, null, "نظر", Principal(Roles.Viewer));
        Assert.Null(id);
        Assert.False(string.IsNullOrEmpty(refused));
        var stamp = (await Services.GetRequiredService<SlaAdmin.Features.Agreements.AgreementStore>().LoadAsync(agreementId, number))!.Version.ConcurrencyStamp;
        Assert.False((await Services.GetRequiredService<LegalReview>().ApproveAsync(agreementId, stamp, null, Principal(Roles.Viewer))).Succeeded);
        await using var db = NewDbContext();
        Assert.Equal(0, await db.Comments.CountAsync());
        Assert.Equal(0, await db.Transitions.CountAsync());
    }
}
