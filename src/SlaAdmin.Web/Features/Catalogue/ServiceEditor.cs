using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.History;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Catalogue;

/// <summary>
/// The national service card as the editor holds it. <see cref="NationalId"/> is as typed (any digits);
/// every field but title and provider may be empty (unknown).
/// </summary>
public sealed record ServiceForm
{
    public string Title { get; init; } = "";
    public string? NationalId { get; init; }
    public int? ProviderId { get; init; }
    public string? ProviderUnit { get; init; }
    public IReadOnlyList<int> RecipientIds { get; init; } = [];
    public ServiceNature? Nature { get; init; }
    public ServiceTypes? Types { get; init; }
    public ServiceLevel? Level { get; init; }
    public ServiceStatus? Status { get; init; }
    public string? Definition { get; init; }
    public string? InteractionChannels { get; init; }
    public string? WebAddress { get; init; }
    public string? RequestSteps { get; init; }
    public string? ReportingAndReview { get; init; }
    public string? ServiceDeskUrl { get; init; }

    public bool Equals(ServiceForm? other) =>
        other is not null && Fields(this).SequenceEqual(Fields(other));

    public override int GetHashCode() => HashCode.Combine(Title, NationalId, ProviderId);

    /// <summary>The fields one by one (label, comparable text), for equality, conflicts and history.</summary>
    internal static IEnumerable<(string Label, string? Value)> Fields(ServiceForm f) =>
    [
        ("عنوان", f.Title), ("شناسه ملی خدمت", NationalServiceId.Normalize(f.NationalId, out _) ?? AgreementContent.Clean(f.NationalId)),
        ("دستگاه ارائه‌دهنده", f.ProviderId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("واحد ارائه‌دهنده", f.ProviderUnit),
        ("گروه‌های گیرنده", string.Join(",", f.RecipientIds.Order())), ("ماهیت خدمت", f.Nature?.ToString()), ("نوع خدمت", f.Types?.ToString()),
        ("سطح خدمت", f.Level?.ToString()), ("وضعیت خدمت", f.Status?.ToString()), ("تعریف خدمت", f.Definition),
        ("نحوه تعامل با خدمت‌گیرنده", f.InteractionChannels), ("نشانی وب خدمت", f.WebAddress), ("مراحل درخواست", f.RequestSteps),
        ("گزارش‌دهی و بازبینی", f.ReportingAndReview), ("میز خدمت", f.ServiceDeskUrl),
    ];

    /// <summary>This user's changes (from <paramref name="original"/> to this form) applied on top of <paramref name="current"/>, field by field.</summary>
    public ServiceForm ReapplyOnto(ServiceForm original, ServiceForm current) => current with
    {
        Title = Pick(original.Title, Title, current.Title),
        NationalId = Pick(original.NationalId, NationalId, current.NationalId),
        ProviderId = Pick(original.ProviderId, ProviderId, current.ProviderId),
        ProviderUnit = Pick(original.ProviderUnit, ProviderUnit, current.ProviderUnit),
        RecipientIds = original.RecipientIds.Order().SequenceEqual(RecipientIds.Order()) ? current.RecipientIds : RecipientIds,
        Nature = Pick(original.Nature, Nature, current.Nature),
        Types = Pick(original.Types, Types, current.Types),
        Level = Pick(original.Level, Level, current.Level),
        Status = Pick(original.Status, Status, current.Status),
        Definition = Pick(original.Definition, Definition, current.Definition),
        InteractionChannels = Pick(original.InteractionChannels, InteractionChannels, current.InteractionChannels),
        WebAddress = Pick(original.WebAddress, WebAddress, current.WebAddress),
        RequestSteps = Pick(original.RequestSteps, RequestSteps, current.RequestSteps),
        ReportingAndReview = Pick(original.ReportingAndReview, ReportingAndReview, current.ReportingAndReview),
        ServiceDeskUrl = Pick(original.ServiceDeskUrl, ServiceDeskUrl, current.ServiceDeskUrl),
    };

    private static T Pick<T>(T original, T mine, T current) => EqualityComparer<T>.Default.Equals(original, mine) ? current : mine;
}

/// <summary>A form field's problem, in Persian, keyed by the field's name (nameof on <see cref="ServiceForm"/>; empty for the whole form).</summary>
public sealed record FormError(string Field, string Message);

/// <summary>The result of a save: success with the new stamp, problems, or a conflict with what the other person changed.</summary>
public sealed record ServiceSaveOutcome(bool Succeeded, string Message, int? ServiceId = null, Guid? Stamp = null,
    IReadOnlyList<FormError>? Errors = null, ServiceConflict? Conflict = null);

/// <summary>Someone else saved the service after this user opened it: their changes field by field, who, when, and the card as it is now.</summary>
public sealed record ServiceConflict(IReadOnlyList<FieldChange> TheirChanges, string? By, DateTimeOffset At, ServiceForm Current, Guid CurrentStamp);

/// <summary>An organization to pick: its name, kind, and the name of the organization above it.</summary>
public sealed record OrganizationOption(int Id, string Name, OrganizationKind Kind, int? ParentId, string? ParentName);

/// <summary>
/// Creates, edits and retires catalogue entries. Only administrators may (checked here, on the server);
/// every save carries the stamp the user saw, records its history, and stores nothing half-valid.
/// </summary>
public sealed class ServiceEditor(IDbContextFactory<SlaDbContext> dbFactory, AccessCheck access, TimeProvider clock)
{

    /// <summary>The card as it is now, the stamp to save against, and when it was retired (null while in the catalogue).</summary>
    public async Task<(ServiceForm Form, Guid Stamp, DateTimeOffset? RetiredAt)?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.Services.AsNoTracking().Include(s => s.Recipients).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return service is null ? null : (FormOf(service), service.ConcurrencyStamp, service.RetiredAt);
    }

    public async Task<IReadOnlyList<OrganizationOption>> OrganizationsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganizationOption(o.Id, o.Name, o.Kind, o.ParentId, o.Parent == null ? null : o.Parent.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds an organization (a provider, a recipient group, a ministry) under an optional parent.</summary>
    public async Task<(OrganizationOption? Created, string? Error)> AddOrganizationAsync(string name, OrganizationKind kind, int? parentId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.Administrator) is { } refused) return (null, refused);
        var clean = AgreementContent.Clean(name);
        if (clean is null) return (null, "نام سازمان را بنویسید.");
        if (clean.Length > 300) return (null, "نام سازمان بیش از ۳۰۰ نویسه است.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var folded = PersianText.Fold(clean);
        if ((await db.Organizations.Select(o => o.Name).ToListAsync(cancellationToken)).Any(n => PersianText.Fold(n) == folded))
            return (null, $"سازمانی به نام «{clean}» در فهرست هست؛ همان را برگزینید.");
        Organization? parent = parentId is { } p ? await db.Organizations.FindAsync([p], cancellationToken) : null;
        if (parentId is not null && parent is null) return (null, "سازمان بالادست دیگر در فهرست نیست.");
        var created = new Organization { Name = clean, Kind = kind, ParentId = parent?.Id };
        db.Organizations.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return (new OrganizationOption(created.Id, created.Name, created.Kind, parent?.Id, parent?.Name), null);
    }

    /// <summary>Every problem of the form, in Persian, each next to its field; empty when it may be saved.</summary>
    public async Task<IReadOnlyList<FormError>> ValidateAsync(ServiceForm form, int? serviceId, CancellationToken cancellationToken = default)
    {
        var errors = new List<FormError>();
        var title = AgreementContent.Clean(form.Title);
        if (title is null) errors.Add(new(nameof(ServiceForm.Title), "عنوان خدمت را بنویسید."));
        else if (title.Length > 400) errors.Add(new(nameof(ServiceForm.Title), "عنوان خدمت بیش از ۴۰۰ نویسه است."));
        if (form.ProviderId is null) errors.Add(new(nameof(ServiceForm.ProviderId), "دستگاه ارائه‌دهنده را برگزینید."));
        var nationalId = NationalServiceId.Normalize(form.NationalId, out var idError);
        if (idError is not null) errors.Add(new(nameof(ServiceForm.NationalId), idError));
        foreach (var (field, value) in new[] { (nameof(ServiceForm.WebAddress), form.WebAddress), (nameof(ServiceForm.ServiceDeskUrl), form.ServiceDeskUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && value.Trim().Length > 400) errors.Add(new(field, "نشانی بیش از ۴۰۰ نویسه است."));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (title is not null)
        {
            var folded = PersianText.Fold(title);
            var titles = await db.Services.AsNoTracking().Where(s => s.Id != serviceId).Select(s => s.Title).ToListAsync(cancellationToken);
            if (titles.Any(t => PersianText.Fold(t) == folded)) errors.Add(new(nameof(ServiceForm.Title), $"خدمتی با عنوان «{title}» در فهرست هست."));
        }
        if (nationalId is not null && await db.Services.AnyAsync(s => s.NationalId == nationalId && s.Id != serviceId, cancellationToken))
        {
            var other = await db.Services.Where(s => s.NationalId == nationalId).Select(s => s.Title).FirstAsync(cancellationToken);
            errors.Add(new(nameof(ServiceForm.NationalId), $"این شناسه از آنِ خدمت «{other}» است."));
        }
        if (form.ProviderId is { } providerId && !await db.Organizations.AnyAsync(o => o.Id == providerId, cancellationToken))
            errors.Add(new(nameof(ServiceForm.ProviderId), "دستگاه برگزیده دیگر در فهرست نیست."));
        return errors;
    }

    public async Task<ServiceSaveOutcome> CreateAsync(ServiceForm form, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.Administrator) is { } refused) return new(false, refused);
        var errors = await ValidateAsync(form, null, cancellationToken);
        if (errors.Count > 0) return new(false, "خدمت ذخیره نشد؛ خطاهای فرم را درست کنید.", Errors: errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = new EService { Title = "" };
        await ApplyAsync(db, service, form, cancellationToken);
        service.UpdatedBy = Name(user);
        db.Services.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        HistoryLog.Record(db, clock.GetUtcNow(), Name(user), ChangeSubject.Service, service.Id, null, null,
            Diff(new ServiceForm(), form, await NamesAsync(db, cancellationToken)));
        await db.SaveChangesAsync(cancellationToken);
        return new(true, $"خدمت «{service.Title}» به فهرست افزوده شد.", service.Id, service.ConcurrencyStamp);
    }

    /// <summary>
    /// Saves <paramref name="form"/> over the card the user opened (<paramref name="original"/>, under
    /// <paramref name="seenStamp"/>). When someone else saved in between, nothing is written and the
    /// outcome says what they changed.
    /// </summary>
    public async Task<ServiceSaveOutcome> UpdateAsync(int id, ServiceForm original, Guid seenStamp, ServiceForm form, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.Administrator) is { } refused) return new(false, refused);
        var errors = await ValidateAsync(form, id, cancellationToken);
        if (errors.Count > 0) return new(false, "خدمت ذخیره نشد؛ خطاهای فرم را درست کنید.", Errors: errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.Services.Include(s => s.Recipients).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null) return new(false, "این خدمت دیگر در فهرست نیست.");
        if (service.ConcurrencyStamp != seenStamp) return await ConflictAsync(db, service, original, cancellationToken);

        var names = await NamesAsync(db, cancellationToken);
        var changes = Diff(FormOf(service), form, names);
        if (changes.Count == 0) return new(true, "تغییری نبود.", id, service.ConcurrencyStamp);
        db.Entry(service).Property(s => s.ConcurrencyStamp).OriginalValue = seenStamp;
        await ApplyAsync(db, service, form, cancellationToken);
        service.UpdatedBy = Name(user);
        HistoryLog.Record(db, clock.GetUtcNow(), Name(user), ChangeSubject.Service, id, null, null, changes);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = await fresh.Services.Include(s => s.Recipients).SingleAsync(s => s.Id == id, cancellationToken);
            return await ConflictAsync(fresh, now, original, cancellationToken);
        }
        return new(true, "تغییرهای خدمت ذخیره شد.", id, service.ConcurrencyStamp);
    }

    /// <summary>Takes the service out of the catalogue's active list; its agreements and history stay.</summary>
    public async Task<ServiceSaveOutcome> RetireAsync(int id, Guid seenStamp, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.Administrator) is { } refused) return new(false, refused);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.Services.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null) return new(false, "این خدمت دیگر در فهرست نیست.");
        if (service.RetiredAt is not null) return new(false, "این خدمت پیش‌تر بازنشسته شده است.");
        db.Entry(service).Property(s => s.ConcurrencyStamp).OriginalValue = seenStamp;
        var now = clock.GetUtcNow();
        service.RetiredAt = now;
        service.RetiredBy = Name(user);
        service.UpdatedBy = Name(user);
        HistoryLog.Record(db, now, Name(user), ChangeSubject.Service, id, null, null, [new FieldChange("بازنشستگی", null, "از فهرست خدمات فعال بیرون رفت")]);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(false, "این خدمت پس از بازشدن صفحه به دست دیگری تغییر کرد؛ صفحه را تازه کنید.");
        }
        return new(true, $"خدمت «{service.Title}» بازنشسته شد؛ توافقنامه‌ها و سابقه آن می‌ماند.", id, service.ConcurrencyStamp);
    }

    private async Task<ServiceSaveOutcome> ConflictAsync(SlaDbContext db, EService now, ServiceForm original, CancellationToken cancellationToken)
    {
        var current = FormOf(now);
        var theirs = Diff(original, current, await NamesAsync(db, cancellationToken));
        return new(false, $"این خدمت پس از بازشدن صفحه به دست {now.UpdatedBy ?? "دیگری"} تغییر کرد؛ چیزی ذخیره نشد.",
            Conflict: new ServiceConflict(theirs, now.UpdatedBy, now.UpdatedAt, current, now.ConcurrencyStamp));
    }

    private static async Task ApplyAsync(SlaDbContext db, EService s, ServiceForm f, CancellationToken cancellationToken)
    {
        s.Title = AgreementContent.Clean(f.Title)!;
        s.NationalId = NationalServiceId.Normalize(f.NationalId, out _);
        s.ProviderId = f.ProviderId!.Value;
        s.ProviderUnit = AgreementContent.Clean(f.ProviderUnit);
        s.Nature = f.Nature;
        s.Types = f.Types;
        s.Level = f.Level;
        s.Status = f.Status;
        s.Definition = AgreementContent.Clean(f.Definition);
        s.InteractionChannels = AgreementContent.Clean(f.InteractionChannels);
        s.WebAddress = AgreementContent.Clean(f.WebAddress);
        s.RequestSteps = AgreementContent.Clean(f.RequestSteps);
        s.ReportingAndReview = AgreementContent.Clean(f.ReportingAndReview);
        s.ServiceDeskUrl = AgreementContent.Clean(f.ServiceDeskUrl);
        if (!s.Recipients.Select(r => r.Id).Order().SequenceEqual(f.RecipientIds.Order()))
        {
            var recipients = await db.Organizations.Where(o => f.RecipientIds.Contains(o.Id)).ToListAsync(cancellationToken);
            s.Recipients.Clear();
            s.Recipients.AddRange(recipients);
        }
    }

    internal static ServiceForm FormOf(EService s) => new()
    {
        Title = s.Title, NationalId = s.NationalId, ProviderId = s.ProviderId, ProviderUnit = s.ProviderUnit,
        RecipientIds = [.. s.Recipients.Select(r => r.Id).Order()], Nature = s.Nature, Types = s.Types, Level = s.Level, Status = s.Status,
        Definition = s.Definition, InteractionChannels = s.InteractionChannels, WebAddress = s.WebAddress, RequestSteps = s.RequestSteps,
        ReportingAndReview = s.ReportingAndReview, ServiceDeskUrl = s.ServiceDeskUrl,
    };

    /// <summary>The fields that differ, with their values as a reader says them (names, Persian words, Persian digits).</summary>
    internal static IReadOnlyList<FieldChange> Diff(ServiceForm before, ServiceForm after, IReadOnlyDictionary<int, string> names)
    {
        var readable = (ServiceForm f) => new List<string?>
        {
            AgreementContent.Clean(f.Title), NationalServiceId.Normalize(f.NationalId, out _) is { } id ? PersianDigits.ToPersian(id) : null,
            f.ProviderId is { } p ? names.GetValueOrDefault(p) : null, AgreementContent.Clean(f.ProviderUnit),
            f.RecipientIds.Count == 0 ? null : string.Join("، ", f.RecipientIds.Select(r => names.GetValueOrDefault(r)).Order(StringComparer.Ordinal)),
            Word(f.Nature), Word(f.Types), Word(f.Level), Word(f.Status), AgreementContent.Clean(f.Definition), AgreementContent.Clean(f.InteractionChannels),
            AgreementContent.Clean(f.WebAddress), AgreementContent.Clean(f.RequestSteps), AgreementContent.Clean(f.ReportingAndReview), AgreementContent.Clean(f.ServiceDeskUrl),
        };
        var labels = ServiceForm.Fields(after).Select(x => x.Label).ToList();
        var (a, b) = (readable(before), readable(after));
        return [.. labels.Select((label, i) => (label, i)).Where(x => a[x.i] != b[x.i]).Select(x => new FieldChange(x.label, a[x.i], b[x.i]))];
    }

    private static string? Word<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Labels.Of(v) : null;

    private static async Task<IReadOnlyDictionary<int, string>> NamesAsync(SlaDbContext db, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

    private static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "ناشناس";
}
