using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.History;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements.Workbook;

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
    public IReadOnlyList<FieldChange> FieldChanges { get; init; } = [];
    public IReadOnlyList<PartChange> Parts { get; init; } = [];

    /// <summary>Facts of the national service card the import writes: all given ones for a new service, unknown ones filled in for an existing service.</summary>
    public IReadOnlyList<FieldChange> CardChanges { get; init; } = [];

    /// <summary>Obligation checks the checklist column records on the version in force (latest state → the workbook's).</summary>
    public IReadOnlyList<FieldChange> CheckChanges { get; init; } = [];

    public bool CanApply => Token is not null;
    public bool HasContentChanges => FieldChanges.Count > 0 || Parts.Any(p => p.HasChanges);
    public bool HasChanges => HasContentChanges || CardChanges.Count > 0 || CheckChanges.Count > 0;
    public IEnumerable<WorkbookProblem> Errors => Problems.Where(p => p.IsError);
    public IEnumerable<WorkbookProblem> Warnings => Problems.Where(p => !p.IsError);
}

public sealed record ImportOutcome(bool Succeeded, string Message, int? AgreementId = null, int? VersionNumber = null);

/// <summary>
/// Imports the one-agreement workbook in three steps: <see cref="Parse"/> (the file alone),
/// <see cref="PreviewAsync"/> (against the database; nothing written) and <see cref="ApplyAsync"/>
/// (all or nothing). A workbook without an agreement id creates a new service and agreement with a
/// draft; with one, it replaces the working draft it was taken from, or starts a new draft from the
/// version in force it was taken from. The version in force and the catalogue entry never change.
/// </summary>
public sealed class AgreementWorkbookImporter(
    IDbContextFactory<SlaDbContext> dbFactory,
    AgreementStore store,
    AccessCheck access,
    Checklist checklist,
    PendingImports pending)
{
    public const string NotAllowedMessage = "فقط سرپرست سامانه می‌تواند توافقنامه را از فایل اکسل وارد کند.";
    public const string AlreadyUsedMessage = PendingImports.UsedMessage;

    /// <summary>Reads an uploaded file (at most <see cref="WorkbookPackage.MaxFileBytes"/>); touches no database.</summary>
    public static WorkbookParseResult Parse(Stream stream)
    {
        var locations = new WorkbookLocations();
        using var workbook = WorkbookPackage.TryOpen(stream, Bounds, out var refused);
        if (workbook is null) return new(null, refused, locations);
        var problems = new List<WorkbookProblem>();
        var model = AgreementWorkbookReader.Read(workbook, problems, locations);
        // What the editor would refuse to save again is refused here too (its cell count is of the version's whole workbook).
        foreach (var (part, message) in model is null ? [] : AgreementWorkbookMap.OverLimits(PartCounts.Of(model.Content)))
            problems.Add(new WorkbookProblem(ProblemSeverity.Error, AgreementWorkbookMap.SheetNames.Contains(part) ? part : null, null, null, null, message));
        return new(problems.Any(p => p.IsError) ? null : model, problems, locations);
    }

    /// <summary>
    /// A version stored before the limits existed is only partly loaded; a workbook cannot replace it, or the
    /// rows beyond the limits would go without ever being shown in a preview.
    /// </summary>
    private static string OverLimitsMessage(AgreementView view) =>
        string.Join(" ", AgreementWorkbookMap.OverLimits(view.Counts).Select(o => o.Message))
        + $" نسخه {PersianDigits.Format(view.Version.Number)} را نمی‌توان با کارپوشه جایگزین کرد؛ چیزی نوشته نشد.";

    /// <summary>The agreement limits on a workbook's sheets, checked before the workbook is loaded: every sheet over them, and the whole.</summary>
    internal static IReadOnlyList<WorkbookProblem> Bounds(IReadOnlyList<SheetSize> sheets)
    {
        var problems = sheets.Where(s => s.Rows - 1 > AgreementLimits.RowsPerPart)
            .Select(s => new WorkbookProblem(ProblemSeverity.Error, s.Sheet, null, null, null, AgreementLimits.TooManyRows($"برگه «{s.Sheet}»", s.Rows - 1)))
            .ToList();
        var cells = sheets.Sum(s => (long)s.Cells);
        if (cells > AgreementLimits.CellsPerWorkbook) problems.Add(FileProblem(AgreementLimits.TooManyCells("این کارپوشه", cells)));
        return problems;
    }

    public async Task<ImportPreview> PreviewAsync(WorkbookParseResult parsed, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await MayEditAsync(user)) return new ImportPreview { Problems = [FileProblem(NotAllowedMessage)] };
        var problems = parsed.Problems.ToList();
        if (!parsed.IsValid) return new ImportPreview { Problems = problems };
        var model = parsed.Model!;

        AgreementContent? before = null;
        ServiceCard? knownCard = null;
        int? serviceId = null;
        int newNumber = 1;
        if (model.AgreementId is { } id)
        {
            var target = await TargetAsync(id, model, cancellationToken);
            if (target.Problem is { } problem)
            {
                problems.Add(SummaryProblem(parsed, target.ProblemField, problem));
            }
            else
            {
                var view = await store.LoadAsync(id, target.BaseNumber, cancellationToken);
                if (view is { IsWhole: false }) problems.Add(FileProblem(OverLimitsMessage(view)));
                before = view?.Content;
                serviceId = view?.ServiceId;
                newNumber = target.NewNumber;
                if (view is not null && !model.RecipientNames.SequenceEqual(AgreementWorkbookModel.SortNames(view.RecipientGroups)))
                    problems.Add(SummaryProblem(parsed, SummaryField.RecipientGroups, RecipientsNotHereMessage));
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (model.AgreementId is null && await ServiceTitleTakenAsync(db, model.Content.ServiceTitle, cancellationToken))
            {
                problems.Add(SummaryProblem(parsed, SummaryField.ServiceTitle,
                    $"خدمتی با عنوان «{model.Content.ServiceTitle}» در سامانه هست. برای ویرایش توافقنامه آن، کارپوشه را از همان توافقنامه بگیرید؛ برای خدمت تازه عنوان دیگری بنویسید."));
            }
            if (serviceId is { } sid)
            {
                var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == sid, cancellationToken);
                knownCard = ServiceCard.Of(service);
            }
            if (model.Card.NationalId is { } nationalId && await NationalIdHolderAsync(db, nationalId, serviceId, cancellationToken) is { } holder)
                problems.Add(SummaryProblem(parsed, SummaryField.NationalId, NationalIdTakenMessage(nationalId, holder)));
            var organizations = await OrganizationNamesAsync(db, cancellationToken);
            foreach (var name in model.RecipientNames.Where(n => !organizations.Contains(PersianText.Fold(n))))
                problems.Add(SummaryProblem(parsed, SummaryField.RecipientGroups, $"گروه گیرنده «{name}» در فهرست سازمان‌ها نیست؛ نام را همان‌گونه که در فهرست آمده بنویسید."));
            if (model.AgreementId is null && !organizations.Contains(PersianText.Fold(model.Content.ProviderName)))
                problems.Add(SummaryProblem(parsed, SummaryField.Provider, $"«{model.Content.ProviderName}» در فهرست سازمان‌ها نیست و با واردکردن، به‌عنوان دستگاه اجرایی افزوده می‌شود.", ProblemSeverity.Warning));
        }

        var card = ImportDiff.Card(knownCard, model.Card);
        foreach (var (field, conflict) in card.Conflicts)
            problems.Add(SummaryProblem(parsed, field, CardConflictMessage(conflict)));

        var checks = model.AgreementId is { } checkedId ? await CheckChangesAsync(checkedId, model, parsed, problems, cancellationToken) : [];
        var preview = new ImportPreview
        {
            CardChanges = card.Fills,
            CheckChanges = checks,
            CreatesAgreement = model.AgreementId is null,
            AgreementId = model.AgreementId,
            NewVersionNumber = newNumber,
            ServiceTitle = model.Content.ServiceTitle,
            FieldChanges = ImportDiff.Fields(before, model.Content),
            Parts = ImportDiff.Parts(before, model.Content),
        };
        if (problems.Any(p => p.IsError)) return preview with { Problems = problems };
        if (!preview.HasChanges)
        {
            problems.Add(FileProblem("این فایل با نسخه‌ای که از آن گرفته شده یکی است؛ چیزی برای واردکردن نیست.", ProblemSeverity.Warning));
            return preview with { Problems = problems };
        }
        preview = preview with { Problems = problems };
        return preview with { Token = await pending.AddAsync(model, preview, UserKey(user), cancellationToken) };
    }

    /// <summary>The preview stored under <paramref name="token"/>, as it was shown when made; or a preview that only says why it cannot be shown.</summary>
    public async Task<ImportPreview> StoredAsync(Guid token, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await MayEditAsync(user)) return new ImportPreview { Problems = [FileProblem(NotAllowedMessage)] };
        var (preview, refusal) = await pending.FindAsync(token, UserKey(user), cancellationToken);
        return preview ?? new ImportPreview { Problems = [FileProblem(refusal!)] };
    }

    public async Task<ImportOutcome> ApplyAsync(Guid token, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!await MayEditAsync(user)) return new ImportOutcome(false, NotAllowedMessage);
        var (model, refusal) = await pending.TakeAsync(token, UserKey(user), cancellationToken);
        if (model is null) return new ImportOutcome(false, refusal!);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var content = model.Content;
        Agreement agreement;
        AgreementVersion? working;
        var cardFilled = 0;
        if (model.AgreementId is { } id)
        {
            var target = await TargetAsync(id, model, cancellationToken);
            if (target.Problem is { } problem) return new ImportOutcome(false, $"{problem}");
            agreement = (await db.Agreements.Include(a => a.WorkingVersion).Include(a => a.EService).SingleOrDefaultAsync(a => a.Id == id, cancellationToken))!;

            // The service is never rewritten: a fact it knows and the workbook contradicts refuses the import (it may have been filled in since the preview).
            var card = ImportDiff.Card(ServiceCard.Of(agreement.EService), model.Card);
            if (card.Conflicts.Count > 0) return new ImportOutcome(false, CardConflictMessage(card.Conflicts[0].Change) + " چیزی نوشته نشد.");
            if (model.Card.NationalId is { } nationalId && await NationalIdHolderAsync(db, nationalId, agreement.EServiceId, cancellationToken) is { } holder)
                return new ImportOutcome(false, NationalIdTakenMessage(nationalId, holder) + " چیزی نوشته نشد.");
            cardFilled = card.Fills.Count;
            if (cardFilled > 0)
            {
                model.Card.FillUnknownOf(agreement.EService);
                agreement.EService.UpdatedBy = user.Identity?.Name;
            }

            var baseView = await store.LoadAsync(id, target.BaseNumber, cancellationToken);
            if (baseView is { IsWhole: false }) return new ImportOutcome(false, OverLimitsMessage(baseView));
            var baseContent = baseView?.Content;
            if (Equals(baseContent, content))
            {
                // Only card facts were new: no draft is started for an unchanged text.
                working = null;
            }
            else if (target.ReplacesWorking)
            {
                // The workbook was taken from the working draft: its content replaces the draft's, under the stamp the workbook carries.
                working = (await db.AgreementVersions.Include(v => v.Sections).Include(v => v.Obligations).Include(v => v.DataRows).Include(v => v.Fees)
                    .Include(v => v.PaymentMechanisms).Include(v => v.LegalReferences).Include(v => v.Definitions).Include(v => v.AppendixItems)
                    .SingleAsync(v => v.Id == agreement.WorkingVersionId, cancellationToken));
                db.Entry(working).Property(v => v.ConcurrencyStamp).OriginalValue = model.ConcurrencyStamp!.Value;
                content.WriteTo(working);
            }
            else
            {
                working = content.ToVersion(target.NewNumber, AgreementStatus.Draft);
                agreement.Versions.Add(working);
            }
        }
        else
        {
            if (await ServiceTitleTakenAsync(db, content.ServiceTitle, cancellationToken))
                return new ImportOutcome(false, $"خدمتی با عنوان «{content.ServiceTitle}» در این میان ساخته شده است؛ چیزی نوشته نشد.");
            if (model.Card.NationalId is { } nationalId && await NationalIdHolderAsync(db, nationalId, null, cancellationToken) is { } holder)
                return new ImportOutcome(false, NationalIdTakenMessage(nationalId, holder) + " چیزی نوشته نشد.");
            var organizations = await db.Organizations.ToDictionaryAsync(o => PersianText.Fold(o.Name), cancellationToken);
            var service = new EService
            {
                Title = content.ServiceTitle,
                Provider = organizations.GetValueOrDefault(PersianText.Fold(content.ProviderName))
                    ?? new Organization { Name = content.ProviderName, Kind = OrganizationKind.ExecutiveAgency },
                UpdatedBy = user.Identity?.Name,
            };
            // A new catalogue entry takes every card fact the workbook gives.
            model.Card.FillUnknownOf(service);
            foreach (var name in model.RecipientNames)
            {
                if (!organizations.TryGetValue(PersianText.Fold(name), out var recipient))
                    return new ImportOutcome(false, $"گروه گیرنده «{name}» دیگر در فهرست سازمان‌ها نیست؛ چیزی نوشته نشد.");
                service.Recipients.Add(recipient);
            }
            agreement = new Agreement { EService = service };
            working = content.ToVersion(1, AgreementStatus.Draft);
            agreement.Versions.Add(working);
            db.Agreements.Add(agreement);
        }
        if (working is not null) working.UpdatedBy = user.Identity?.Name;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (working is not null)
            {
                // A version and its agreement cannot point at each other in one insert: the pointer goes second.
                agreement.WorkingVersion = working;
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same draft (or a version of the same agreement, or a service of the same title) at the same moment.
            return new ImportOutcome(false, "توافقنامه در همین لحظه به دست دیگری تغییر کرد؛ چیزی نوشته نشد. کارپوشه تازه‌ای بگیرید و دوباره وارد کنید.");
        }

        var cardNote = cardFilled > 0 ? $" {Digits(cardFilled)} مورد نامشخص شناسنامه خدمت پر شد." : "";
        if (model.AgreementId is { } checkedAgreement)
        {
            var recorded = 0;
            foreach (var check in await CheckChangesAsync(checkedAgreement, model, null, [], cancellationToken))
            {
                var (done, why) = await checklist.CheckAsync(checkedAgreement, check.ClauseId!.Value, model.Checks[check.ClauseId.Value], "از کارپوشه اکسل", user, cancellationToken);
                if (!done) return new ImportOutcome(false, $"متن وارد شد اما بررسی «{check.Field}» ثبت نشد: {why}", agreement.Id, working?.Number);
                recorded++;
            }
            if (recorded > 0) cardNote += $" {Digits(recorded)} بررسی تعهد ثبت شد.";
        }
        var message = model.AgreementId is null
            ? $"توافقنامه «{content.ServiceTitle}» ساخته شد (نسخه {Digits(working!.Number)}، پیش‌نویس)."
            : working is null
                ? $"متن توافقنامه «{content.ServiceTitle}» تغییری نداشت و نسخه تازه‌ای ساخته نشد.{cardNote}"
                : $"نسخه {Digits(working.Number)} توافقنامه «{content.ServiceTitle}» به‌صورت پیش‌نویس ذخیره شد؛ نسخه در حال اجرا دست‌نخورده ماند.{cardNote}";
        return new ImportOutcome(true, message, agreement.Id, working?.Number);
    }

    /// <summary>
    /// The checklist column against the latest checks of the version in force: a state that differs is a
    /// check to record; a state on an obligation that is not in force cannot be recorded and is reported.
    /// </summary>
    private async Task<IReadOnlyList<FieldChange>> CheckChangesAsync(int agreementId, AgreementWorkbookModel model, WorkbookParseResult? parsed,
        List<WorkbookProblem> problems, CancellationToken cancellationToken)
    {
        if (model.Checks.Count == 0) return [];
        var inForce = await store.LoadAsync(agreementId, cancellationToken: cancellationToken);
        var obligations = inForce is { IsInForce: true } ? Clauses.Of(inForce.Content).Where(c => c.Table == Clauses.Obligations).ToDictionary(c => c.Id) : [];
        var latest = await checklist.LatestAsync(agreementId, cancellationToken);
        var changes = new List<FieldChange>();
        foreach (var (clause, state) in model.Checks)
        {
            if (!obligations.TryGetValue(clause, out var obligation))
            {
                problems.Add(new WorkbookProblem(ProblemSeverity.Warning, ObligationSheet.Name, null, ObligationSheet.Status, ObligationSheet.Headers[ObligationSheet.Status - 1],
                    $"وضعیت «{Labels.Of(state)}» برای تعهدی آمده که در نسخه در حال اجرا نیست و ثبت نمی‌شود: تعهدات تنها در نسخه در حال اجرا بررسی می‌شوند."));
                continue;
            }
            var was = latest.GetValueOrDefault(clause)?.State;
            if (was != state) changes.Add(new FieldChange($"بررسی {obligation.Where}", was is { } w ? Labels.Of(w) : null, Labels.Of(state), clause));
        }
        return changes;
    }

    /// <summary>
    /// Which version a workbook for an existing agreement writes: it replaces the working draft it was
    /// taken from, or starts a new draft from the version in force it was taken from. Anything else
    /// (a stale stamp, a draft started since, a version in review) is a problem, and nothing is written.
    /// </summary>
    private async Task<ImportTarget> TargetAsync(int id, AgreementWorkbookModel model, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agreement = await db.Agreements.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                InForce = a.InForceVersion == null ? null : new { a.InForceVersion.Number, a.InForceVersion.ConcurrencyStamp },
                Working = a.WorkingVersion == null ? null : new { a.WorkingVersion.Number, a.WorkingVersion.ConcurrencyStamp, a.WorkingVersion.Status },
                Last = a.Versions.Max(v => (int?)v.Number) ?? 0,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (agreement is null)
            return ImportTarget.Refused(SummaryField.AgreementId, $"توافقنامه‌ای با شناسه {Digits(id)} در سامانه نیست. برای ساختن توافقنامه تازه، این خانه و «مهر نسخه» را خالی بگذارید.");

        if (agreement.Working is { } w && w.Number == model.VersionNumber)
        {
            if (w.ConcurrencyStamp != model.ConcurrencyStamp) return ImportTarget.Refused(SummaryField.ConcurrencyStamp, StaleMessage(w.Number));
            if (w.Status != AgreementStatus.Draft)
                return ImportTarget.Refused(SummaryField.VersionNumber, $"نسخه {Digits(w.Number)} در وضعیت «{Labels.Of(w.Status)}» است و متن آن تا پایان بررسی تغییر نمی‌کند؛ چیزی نوشته نشد.");
            return new ImportTarget(w.Number, w.Number, ReplacesWorking: true);
        }
        if (agreement.InForce is { } f && f.Number == model.VersionNumber && f.ConcurrencyStamp == model.ConcurrencyStamp)
        {
            if (agreement.Working is { } draft)
                return ImportTarget.Refused(SummaryField.VersionNumber,
                    $"پس از گرفتن این کارپوشه، نسخه {Digits(draft.Number)} این توافقنامه در دست تهیه است و واردکردن آن را از میان می‌برد؛ چیزی نوشته نشد. کارپوشه نسخه {Digits(draft.Number)} را بگیرید و تغییرات خود را در آن وارد کنید.");
            return new ImportTarget(f.Number, agreement.Last + 1, ReplacesWorking: false);
        }
        return ImportTarget.Refused(SummaryField.ConcurrencyStamp, StaleMessage(agreement.Working?.Number ?? agreement.InForce?.Number ?? 0));
    }

    private sealed record ImportTarget(int BaseNumber, int NewNumber, bool ReplacesWorking, string? Problem = null, SummaryField ProblemField = SummaryField.AgreementId)
    {
        public static ImportTarget Refused(SummaryField field, string problem) => new(0, 0, false, problem, field);
    }

    private const string RecipientsNotHereMessage =
        "گروه‌های گیرنده از شناسنامه خدمت‌اند و کارپوشه توافقنامه آن‌ها را تغییر نمی‌دهد؛ این ردیف را همان‌گونه که بود بگذارید.";

    /// <summary>The title of the service (other than <paramref name="exceptServiceId"/>) holding this national identifier, or null.</summary>
    private static async Task<string?> NationalIdHolderAsync(SlaDbContext db, string nationalId, int? exceptServiceId, CancellationToken cancellationToken) =>
        await db.Services.AsNoTracking().Where(s => s.NationalId == nationalId && s.Id != exceptServiceId).Select(s => s.Title).FirstOrDefaultAsync(cancellationToken);

    private static string NationalIdTakenMessage(string nationalId, string holder) =>
        $"شناسه ملی {PersianDigits.ToPersian(nationalId)} از آنِ خدمت «{holder}» است؛ شناسه ملی هر خدمت یکتاست. شناسه را بررسی کنید.";

    private static string CardConflictMessage(FieldChange conflict) =>
        $"«{conflict.Field}» در شناسنامه خدمت «{conflict.Before}» است و در کارپوشه «{conflict.After}». داده‌های شناسنامه خدمت در صفحه خود خدمت تغییر می‌کنند، نه با کارپوشه توافقنامه؛ این خانه را همان «{conflict.Before}» بگذارید یا خالی کنید.";

    private async Task<bool> MayEditAsync(ClaimsPrincipal user) => await access.RefusalAsync(user, Roles.Administrator) is null;

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

    private static string StaleMessage(int latestNumber) =>
        $"این توافقنامه پس از گرفتن این کارپوشه تغییر کرده است (نسخه تازه‌تر: {Digits(latestNumber)})؛ چیزی نوشته نشد. کارپوشه تازه‌ای بگیرید و تغییرات خود را در آن وارد کنید.";

    private static WorkbookProblem SummaryProblem(WorkbookParseResult parsed, SummaryField field, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
        new(severity, SummarySheet.Name, parsed.Locations.Summary.TryGetValue(field, out var row) ? row : null, SummarySheet.Value,
            SummarySheet.Headers[SummarySheet.Value - 1], message, SummarySheet.Rows.First(r => r.Field == field).Label);

    private static WorkbookProblem FileProblem(string message, ProblemSeverity severity = ProblemSeverity.Error) =>
        new(severity, null, null, null, null, message);

    private static string Digits(int number) => PersianDigits.ToPersian(number.ToString(CultureInfo.InvariantCulture));
}
