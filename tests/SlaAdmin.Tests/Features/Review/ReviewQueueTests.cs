using Bunit;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Home;
using SlaAdmin.Features.Review;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Review;

public class ReviewQueueTests : ReviewTestContext
{
    [Fact]
    public async Task The_queue_lists_versions_in_review_oldest_submission_first_with_open_threads_and_the_wait()
    {
        await SeedAsync();
        var smart = AgreementId(Seeded.SmartServices);
        var certificate = AgreementId(Seeded.Certificate);
        var smartNumber = await StartDraftAsync(Seeded.SmartServices, status: AgreementStatus.InReview);
        var certificateNumber = await StartDraftAsync(Seeded.Certificate, status: AgreementStatus.InReview);
        await StartDraftAsync(Seeded.SoftwareApproval);
        var now = Clock.GetUtcNow();
        await RecordStepAsync(smart, smartNumber, AgreementStatus.Draft, AgreementStatus.InReview, now.AddDays(-1));
        // Submitted long ago, sent back, then submitted again three days ago: the latest submission counts.
        await RecordStepAsync(certificate, certificateNumber, AgreementStatus.Draft, AgreementStatus.InReview, now.AddDays(-20));
        await RecordStepAsync(certificate, certificateNumber, AgreementStatus.InReview, AgreementStatus.Draft, now.AddDays(-10));
        await RecordStepAsync(certificate, certificateNumber, AgreementStatus.Draft, AgreementStatus.InReview, now.AddDays(-3).AddHours(-2));
        var clause = await FirstProviderObligationAsync(certificate, certificateNumber);
        var comments = Services.GetService(typeof(ReviewComments)) as ReviewComments;
        await comments!.StartAsync(certificate, certificateNumber, clause.Id, null, "یک", Principal(Roles.LegalReviewer));
        await comments.StartAsync(certificate, certificateNumber, clause.Id, null, "دو", Principal(Roles.LegalReviewer));
        var (resolved, _) = await comments.StartAsync(certificate, certificateNumber, clause.Id, null, "سه", Principal(Roles.LegalReviewer));
        await comments.ResolveAsync(resolved!.Value, Principal(Roles.LegalReviewer));
        SignInAs(Roles.LegalReviewer);

        var page = RenderPage<ReviewQueuePage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=queue-entry]").Count));
        var rows = page.FindAll("[data-testid=queue-entry]");
        Assert.Equal(Seeded.Certificate, rows[0].QuerySelector("[data-testid=queue-title]")!.TextContent);
        Assert.Equal("۳ روز", rows[0].QuerySelector("[data-testid=queue-waited]")!.TextContent);
        Assert.Equal("۲", rows[0].QuerySelector("[data-testid=queue-open]")!.TextContent);
        Assert.Equal($"/agreements/{certificate}/review", rows[0].QuerySelector("[data-testid=queue-link]")!.GetAttribute("href"));
        Assert.Equal(Seeded.SmartServices, rows[1].QuerySelector("[data-testid=queue-title]")!.TextContent);
        Assert.Equal("۱ روز", rows[1].QuerySelector("[data-testid=queue-waited]")!.TextContent);
        Assert.Equal("۰", rows[1].QuerySelector("[data-testid=queue-open]")!.TextContent);
    }

    [Fact]
    public async Task Sent_back_lists_only_drafts_whose_last_step_was_the_return()
    {
        await SeedAsync();
        var certificate = AgreementId(Seeded.Certificate);
        var number = await StartDraftAsync(Seeded.Certificate);
        await StartDraftAsync(Seeded.SmartServices);
        var now = Clock.GetUtcNow();
        await RecordStepAsync(certificate, number, AgreementStatus.Draft, AgreementStatus.InReview, now.AddDays(-5));
        await RecordStepAsync(certificate, number, AgreementStatus.InReview, AgreementStatus.Draft, now.AddHours(-3), by: "کارشناس حقوقی");
        SignInAs(Roles.Administrator);
        Navigation.NavigateTo("/review?list=sent-back");

        var page = RenderPage<ReviewQueuePage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=queue-entry]")));
        Assert.Equal(Seeded.Certificate, page.Find("[data-testid=queue-title]").TextContent);
        Assert.Equal("کمتر از یک روز", page.Find("[data-testid=queue-waited]").TextContent);
    }

    [Fact]
    public async Task My_tasks_show_a_reviewer_what_waits_for_review()
    {
        await SeedAsync();
        await StartDraftAsync(Seeded.Certificate, status: AgreementStatus.InReview);
        SignInAs(Roles.LegalReviewer);

        var page = RenderPage<HomePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=stat-to-review]")));
        Assert.Equal("۱", page.Find("[data-testid=stat-to-review] [data-testid=count]").TextContent.Trim());
        Assert.Equal("/review", page.Find("[data-testid=stat-to-review]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=stat-sent-back]"));
        Assert.NotEmpty(page.FindAll("[data-testid=stat-expiring]"));
    }

    [Fact]
    public async Task My_tasks_show_an_administrator_what_was_sent_back_and_what_waits_to_be_published()
    {
        await SeedAsync();
        var certificate = AgreementId(Seeded.Certificate);
        var number = await StartDraftAsync(Seeded.Certificate);
        await RecordStepAsync(certificate, number, AgreementStatus.InReview, AgreementStatus.Draft, Clock.GetUtcNow());
        await StartDraftAsync(Seeded.SmartServices, status: AgreementStatus.Approved);
        await StartDraftAsync(Seeded.SoftwareApproval, status: AgreementStatus.Approved);
        SignInAs(Roles.Administrator);

        var page = RenderPage<HomePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=stat-sent-back]")));
        Assert.Equal("۱", page.Find("[data-testid=stat-sent-back] [data-testid=count]").TextContent.Trim());
        Assert.Equal("/review?list=sent-back", page.Find("[data-testid=stat-sent-back]").GetAttribute("href"));
        Assert.Equal("۲", page.Find("[data-testid=stat-approved] [data-testid=count]").TextContent.Trim());
        Assert.Equal("/review?list=approved", page.Find("[data-testid=stat-approved]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=stat-to-review]"));
    }
}
