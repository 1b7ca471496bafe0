using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.AgreementWorkbook;

/// <summary>The parsed workbook: the model when the workbook is valid, and every problem found.</summary>
public sealed record WorkbookParseResult(AgreementWorkbookModel? Model, IReadOnlyList<WorkbookProblem> Problems, WorkbookLocations Locations)
{
    public bool IsValid => Model is not null && !Problems.Any(p => p.IsError);
}

/// <summary>What applying would do. <see cref="Token"/> is set only when it may be applied.</summary>
public sealed record ImportPreview
{
    public Guid? Token { get; init; }
    public bool CreatesAgreement { get; init; }
    public int? AgreementId { get; init; }
    public int? NewVersionNumber { get; init; }
    public string? ServiceTitle { get; init; }
    public IReadOnlyList<WorkbookProblem> Problems { get; init; } = [];
    public IReadOnlyList<TextChange> FieldChanges { get; init; } = [];
    public IReadOnlyList<PartChange> Parts { get; init; } = [];

    public bool CanApply => Token is not null;
    public bool HasChanges => FieldChanges.Count > 0 || Parts.Any(p => p.HasChanges);
    public IEnumerable<WorkbookProblem> Errors => Problems.Where(p => p.IsError);
    public IEnumerable<WorkbookProblem> Warnings => Problems.Where(p => !p.IsError);
}

public sealed record ImportOutcome(bool Succeeded, string Message, int? AgreementId = null, int? VersionNumber = null);

/// <summary>
/// Imports the one-agreement workbook in three steps: <see cref="Parse"/> (the file alone),
/// <see cref="PreviewAsync"/> (against the database; nothing written) and <see cref="ApplyAsync"/>
/// (all or nothing). A workbook without an agreement id creates a new service and agreement; with one,
/// it adds a new Draft version numbered one above the current, which stays as it was, provided the
/// current version is still the one the workbook was exported from.
/// </summary>
public sealed class AgreementWorkbookImporter(
    IDbContextFactory<SlaDbContext> dbFactory,
    AgreementStore store,
    IAuthorizationService authorization,
    PendingImports pending)
{
    public const string NotAllowedMessage = "فقط سرپرست سامانه می‌تواند توافقنامه را از فایل اکسل وارد کند.";
    public const string AlreadyUsedMessage = "این پیش‌نمایش پیش‌تر اعمال شده یا کهنه شده است؛ چیزی نوشته نشد. اگر لازم است فایل را دوباره بارگذاری کنید.";

    /// <summary>Reads an uploaded file (at most <see cref="WorkbookPackage.MaxFileBytes"/>); touches no database.</summary>
    public static WorkbookParseResult Parse(Stream stream)
    {
        var locations = new WorkbookLocations();
        using var workbook = WorkbookPackage.TryOpen(stream, out var error);
        if (workbook is null)
            return new(null, [new WorkbookProblem(ProblemSeverity.Error, null, null, null, null, error!)], locations);
        var problems = new List<WorkbookProblem>();
        var model = AgreementWorkbookReader.Read(workbook, problems, locations);
        return new(model, problems, locations);
    }

    public async Task<ImportPreview> PreviewAsync(WorkbookParseResult parsed, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await MayEditAsync(user)) return new ImportPreview { Problems = [FileProblem(NotAllowedMessage)] };
        var problems = parsed.Problems.ToList();
        if (!parsed.IsValid) return new ImportPreview { Problems = problems };
        var model = parsed.Model!;

        AgreementWorkbookModel? current = null;
        if (model.AgreementId is { } id)
        {
            var version = await store.LoadCurrentAsync(id, cancellationToken);
            if (version is null)
            {
                problems.Add(SummaryProblem(parsed, SummaryField.AgreementId,
                    $"توافقنامه‌ای با شناسه {Digits(id)} در سامانه نیست. برای ساختن توافقنامه تازه، این خانه و «مهر نسخه» را خالی بگذارید."));
            }
            else
            {
                current = AgreementWorkbookModel.FromVersion(version);
                if (version.ConcurrencyStamp != model.ConcurrencyStamp)
                    problems.Add(SummaryProblem(parsed, SummaryField.ConcurrencyStamp, StaleMessage(version.Number)));
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (model.AgreementId is null && await ServiceTitleTakenAsync(db, model.ServiceTitle, cancellationToken))
            {
                problems.Add(SummaryProblem(parsed, SummaryField.ServiceTitle,
                    $"خدمتی با عنوان «{model.ServiceTitle}» در سامانه هست. برای ویرایش توافقنامه آن، کارپوشه را از همان توافقنامه بگیرید؛ برای خدمت تازه عنوان دیگری بنویسید."));
            }
            var organizations = await OrganizationNamesAsync(db, cancellationToken);
            foreach (var name in model.RecipientNames.Where(n => !organizations.Contains(PersianText.Fold(n))))
                problems.Add(SummaryProblem(parsed, SummaryField.RecipientGroups, $"گروه گیرنده «{name}» در فهرست سازمان‌ها نیست؛ نام را همان‌گونه که در فهرست آمده بنویسید."));
            if (!organizations.Contains(PersianText.Fold(model.ProviderName)) && model.ProviderName != current?.ProviderName)
                problems.Add(SummaryProblem(parsed, SummaryField.Provider, $"«{model.ProviderName}» در فهرست سازمان‌ها نیست و با واردکردن، به‌عنوان دستگاه اجرایی افزوده می‌شود.", ProblemSeverity.Warning));
            foreach (var payment in model.Payments.Where(p => p.AccountOwnerName is { } owner && !organizations.Contains(PersianText.Fold(owner))))
            {
                problems.Add(new WorkbookProblem(ProblemSeverity.Warning, PaymentSheet.Name, parsed.Locations.PaymentRows.GetValueOrDefault(payment.Order), PaymentSheet.AccountOwner,
                    PaymentSheet.Headers[PaymentSheet.AccountOwner - 1], $"«{payment.AccountOwnerName}» در فهرست سازمان‌ها نیست و با واردکردن، به‌عنوان واحد دولتی افزوده می‌شود."));
            }
        }

        var preview = new ImportPreview
        {
            CreatesAgreement = model.AgreementId is null,
            AgreementId = model.AgreementId,
            NewVersionNumber = current is null ? 1 : current.VersionNumber + 1,
            ServiceTitle = model.ServiceTitle,
            FieldChanges = ImportDiff.Fields(current, model),
            Parts = ImportDiff.Parts(current, model),
        };
        if (problems.Any(p => p.IsError)) return preview with { Problems = problems };
        if (!preview.HasChanges)
        {
            problems.Add(FileProblem("این فایل با نسخه کنونی توافقنامه یکی است؛ چیزی برای واردکردن نیست.", ProblemSeverity.Warning));
            return preview with { Problems = problems };
        }
        return preview with { Problems = problems, Token = pending.Add(model, UserKey(user)) };
    }

    public async Task<ImportOutcome> ApplyAsync(Guid token, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await MayEditAsync(user)) return new ImportOutcome(false, NotAllowedMessage);
        var model = pending.Take(token, UserKey(user));
        if (model is null) return new ImportOutcome(false, AlreadyUsedMessage);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var organizations = await db.Organizations.ToDictionaryAsync(o => PersianText.Fold(o.Name), cancellationToken);
        Organization Resolve(string name, OrganizationKind kind)
        {
            if (organizations.TryGetValue(PersianText.Fold(name), out var found)) return found;
            var created = new Organization { Name = name, Kind = kind };
            organizations[PersianText.Fold(name)] = created;
            db.Organizations.Add(created);
            return created;
        }

        var recipients = new List<Organization>();
        foreach (var name in model.RecipientNames)
        {
            if (!organizations.TryGetValue(PersianText.Fold(name), out var recipient))
                return new ImportOutcome(false, $"گروه گیرنده «{name}» دیگر در فهرست سازمان‌ها نیست؛ چیزی نوشته نشد.");
            recipients.Add(recipient);
        }

        Agreement agreement;
        int number;
        if (model.AgreementId is { } id)
        {
            var found = await db.Agreements.Include(a => a.EService).ThenInclude(s => s.Recipients).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            var current = await db.AgreementVersions.Where(v => v.AgreementId == id).OrderByDescending(v => v.Number)
                .Select(v => new { v.Number, v.ConcurrencyStamp }).FirstOrDefaultAsync(cancellationToken);
            if (found is null || current is null) return new ImportOutcome(false, $"توافقنامه‌ای با شناسه {Digits(id)} در سامانه نیست؛ چیزی نوشته نشد.");
            if (current.ConcurrencyStamp != model.ConcurrencyStamp) return new ImportOutcome(false, StaleMessage(current.Number));
            agreement = found;
            number = current.Number + 1;
        }
        else
        {
            if (await ServiceTitleTakenAsync(db, model.ServiceTitle, cancellationToken))
                return new ImportOutcome(false, $"خدمتی با عنوان «{model.ServiceTitle}» در این میان ساخته شده است؛ چیزی نوشته نشد.");
            agreement = new Agreement { EService = new EService { Title = model.ServiceTitle } };
            db.Agreements.Add(agreement);
            number = 1;
        }

        // The catalogue entry carries the service's own fields; the rest goes into the new version.
        var service = agreement.EService;
        service.Title = model.ServiceTitle;
        service.Provider = Resolve(model.ProviderName, OrganizationKind.ExecutiveAgency);
        service.RecipientsDescription = model.RecipientsDescription;
        if (!service.Recipients.Select(r => r.Id).Order().SequenceEqual(recipients.Select(r => r.Id).Order()))
        {
            service.Recipients.Clear();
            service.Recipients.AddRange(recipients);
        }
        agreement.Versions.Add(NewVersion(model, number, user.Identity?.Name, owner => Resolve(owner, OrganizationKind.GovernmentUnit)));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved a version of the same agreement (or a service of the same title) at the same moment.
            return new ImportOutcome(false, "توافقنامه در همین لحظه به دست دیگری تغییر کرد؛ چیزی نوشته نشد. کارپوشه تازه‌ای بگیرید و دوباره وارد کنید.");
        }

        var message = model.AgreementId is null
            ? $"توافقنامه «{model.ServiceTitle}» ساخته شد (نسخه {Digits(number)}، پیش‌نویس)."
            : $"نسخه {Digits(number)} توافقنامه «{model.ServiceTitle}» به‌صورت پیش‌نویس ساخته شد؛ نسخه {Digits(number - 1)} دست‌نخورده ماند.";
        return new ImportOutcome(true, message, agreement.Id, number);
    }

    private static AgreementVersion NewVersion(AgreementWorkbookModel m, int number, string? userName, Func<string, Organization> owner)
    {
        var version = new AgreementVersion
        {
            Number = number,
            Status = AgreementStatus.Draft,
            Letterhead = m.Letterhead,
            DocumentTitle = m.DocumentTitle,
            ValidUntil = m.ValidUntil,
            ValidityText = m.ValidityText,
            Signatory = m.Signatory,
            StatesClauseCount = m.StatesClauseCount,
            ProviderObligationsIntro = m.ProviderObligationsIntro,
            RecipientObligationsIntro = m.RecipientObligationsIntro,
            IsFree = m.IsFree,
            CostNote = m.CostNote,
            UpdatedBy = userName,
        };
        version.Sections.AddRange(m.Sections.Select(s => new Section { Kind = s.Kind, Body = s.Body }));
        version.Obligations.AddRange(m.Obligations.Select(o => new Obligation { Side = o.Side, Order = o.Order, Text = o.Text, Target = o.Target }));
        version.DataRows.AddRange(m.DataRows.Select(d => new DataClassificationRow
        {
            Order = d.Order, DataType = d.DataType, ProvidingUnit = d.ProvidingUnit, ReceivingUnit = d.ReceivingUnit,
            StorageLevel = d.StorageLevel, UsedForAnalytics = d.UsedForAnalytics, PublicVisible = d.PublicVisible, PublicationScope = d.PublicationScope,
        }));
        version.Fees.AddRange(m.Fees.Select(f => new Fee { Order = f.Order, ServiceName = f.ServiceName, CostType = f.CostType, Description = f.Description, AmountRials = f.AmountRials }));
        version.PaymentMechanisms.AddRange(m.Payments.Select(p => new PaymentMechanism
        {
            Order = p.Order, Description = p.Description, Iban = p.Iban, Channels = p.Channels,
            AccountOwner = p.AccountOwnerName is { } name ? owner(name) : null,
        }));
        version.LegalReferences.AddRange(m.LegalReferences.Select(l => new LegalReference
        {
            Order = l.Order, Title = l.Title, ArticleOrClause = l.ArticleOrClause, ApprovingBody = l.ApprovingBody, Number = l.Number, Date = l.Date, Note = l.Note,
        }));
        version.Definitions.AddRange(m.Definitions.Select(d => new Definition { Order = d.Order, Term = d.Term, Text = d.Text }));
        version.AppendixItems.AddRange(m.AppendixItems.Select(a => new AppendixItem { Order = a.Order, Text = a.Text }));
        return version;
    }

    private async Task<bool> MayEditAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.CanEdit)).Succeeded;

    private static string UserKey(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity?.Name ?? "";

    private static async Task<bool> ServiceTitleTakenAsync(SlaDbContext db, string title, CancellationToken cancellationToken)
    {
        var folded = PersianText.Fold(title);
        var titles = await db.Services.AsNoTracking().Select(s => s.Title).ToListAsync(cancellationToken);
        return titles.Any(t => PersianText.Fold(t) == folded);
    }

    private static async Task<HashSet<string>> OrganizationNamesAsync(SlaDbContext db, CancellationToken cancellationToken) =>
        (await db.Organizations.AsNoTracking().Select(o => o.Name).ToListAsync(cancellationToken)).Select(PersianText.Fold).ToHashSet();

    private static string StaleMessage(int currentNumber) =>
        $"این توافقنامه پس از گرفتن این کارپوشه تغییر کرده است (نسخه کنونی: {Digits(currentNumber)})؛ چیزی نوشته نشد. کارپوشه تازه‌ای بگیرید و تغییرات خود را در آن وارد کنید.";

    private static WorkbookProblem SummaryProblem(WorkbookParseResult parsed, SummaryField field, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
        new(severity, SummarySheet.Name, parsed.Locations.Summary.TryGetValue(field, out var row) ? row : null, SummarySheet.Value,
            SummarySheet.Headers[SummarySheet.Value - 1], message, SummarySheet.Rows.First(r => r.Field == field).Label);

    private static WorkbookProblem FileProblem(string message, ProblemSeverity severity = ProblemSeverity.Error) =>
        new(severity, null, null, null, null, message);

    private static string Digits(int number) => PersianDigits.ToPersian(number.ToString(CultureInfo.InvariantCulture));
}
