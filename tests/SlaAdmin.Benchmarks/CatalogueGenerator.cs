using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Benchmarks;

/// <summary>
/// Fills a SQLite file with a large catalogue through the application's own data setup (migrations,
/// model, save interceptor): each service has an agreement with 20 obligations and 5 data rows.
/// </summary>
internal static class CatalogueGenerator
{
    public const int ObligationsPerService = 20;
    public const int DataRowsPerService = 5;

    private static readonly string[] Subjects =
    [
        "صدور گواهی احراز اصالت و سلامت اداری", "صدور تاییدیه فنی نرم‌افزار", "راهبری دریافت سرویس از مرکز ملی تبادل اطلاعات",
        "توسعه و پشتیبانی سامانه‌های ملی ارائه خدمات هوشمند", "ثبت درخواست مجوز کسب‌وکار", "استعلام وضعیت پرونده",
        "صدور پروانه بهره‌برداری", "تمدید گواهی امضای الکترونیکی", "پرداخت الکترونیکی عوارض", "ثبت شکایت شهروندان",
    ];

    private static readonly string[] ProviderObligations =
    [
        "سازمان متعهد می‌شود به زمان ارائه شده در میز خدمت سازمان برای ارائه خدمت، در صورت کامل بودن مدارک متقاضی، پایبند باشد.",
        "سازمان متعهد می‌شود جهت ارائه خدمت، صرفاً مدارک اعلام شده در میز خدمت سازمان را از خدمت‌گیرنده دریافت نماید.",
        "سازمان متعهد می‌شود به فرایندهای اعلام شده در میز خدمت سازمان، جهت ارائه خدمت پایبند باشد.",
        "سازمان متعهد می‌شود سامانه میز خدمت و سامانه ارائه خدمت را به صورت ۲۴×۷ در دسترس نگه دارد و قطعی‌های برنامه‌ریزی‌شده را ۷۲ ساعت پیش‌تر اعلام کند.",
        "سازمان متعهد می‌شود در صورت دریافت شکایت، بدون جانبداری و با رعایت انصاف و عدالت، رسیدگی به شکایت را در دستور کار قرار دهد.",
        "سازمان متعهد می‌شود هر نوع تغییری در فرآیندها، سامانه‌ها، مدارک و ضوابط ارائه خدمت را از طریق میز خدمت اطلاع‌رسانی نماید.",
        "سازمان متعهد می‌شود نسبت به پاسخگویی سوالات متقاضیان با اولویت بالا در کانال‌های معرفی شده، تمام تلاش خود را به کار گیرد.",
        "سازمان متعهد می‌شود تعداد دفعات مراجعه فیزیکی متقاضی از تعداد دفعات اعلامی در میز خدمت بیشتر نباشد.",
        "سازمان متعهد می‌شود به محض صدور مجوز، آن را در نشانی اعلام‌شده جهت بهره‌برداری متقاضیان بارگذاری نماید.",
        "سازمان متعهد می‌شود کارشناسان آن ادب، احترام، متانت و صبوری را در پاسخگویی به متقاضیان رعایت کنند.",
    ];

    private static readonly string[] RecipientObligations =
    [
        "متقاضی متعهد می‌شود مدارک خود را تنها از طریق سامانه اعلام شده در میز خدمت سازمان ارائه نماید.",
        "متقاضی متعهد می‌شود جهت ارائه شکایت خود صرفاً از طریق کانال‌های مجاز معرفی شده اقدام نماید.",
        "متقاضی متعهد می‌شود در هنگام تکمیل مدارک نهایت دقت را برای جلوگیری از دوباره‌کاری به خرج دهد.",
        "متقاضی متعهد می‌شود در مراجعه به کارشناسان سازمان ادب، احترام و صبوری را رعایت نماید.",
        "متقاضی متعهد می‌شود سرویس دریافتی را ذخیره نکرده و از آن سوء استفاده ننماید.",
    ];

    private static readonly string[] Targets = ["۲۴×۷", "۷۲ ساعت پیش از قطعی", "https://ito.gov.ir/page/certificates", "حداکثر ۲ مراجعه"];

    private static readonly string[] DataTypes =
        ["فرم‌ها و مدارک ارائه شده", "فایل صادر شده", "اطلاعات وب سرویس", "گزارش عملکرد دوره‌ای", "سوابق پرداخت"];

    /// <summary>Whether the file exists and carries exactly the app's migrations (else it is made again).</summary>
    public static async Task<bool> IsCurrentAsync(string databasePath)
    {
        if (!File.Exists(databasePath)) return false;
        await using var db = new SqliteSlaDbContext(new DbContextOptionsBuilder<SlaDbContext>().UseSqlite($"Data Source={databasePath}").Options);
        var applied = await db.Database.GetAppliedMigrationsAsync();
        return applied.SequenceEqual(db.Database.GetMigrations());
    }

    public static async Task GenerateAsync(string databasePath, int services)
    {
        var clock = Stopwatch.StartNew();
        // A pooled connection would keep writing to the file deleted here.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(databasePath + suffix);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:Default"] = $"Data Source={databasePath}";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSlaData();
        await using var app = builder.Build();
        var factory = app.Services.GetRequiredService<IDbContextFactory<SlaDbContext>>();

        List<int> providerIds;
        List<int> recipientIds;
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            var providers = Enumerable.Range(1, 30).Select(i => new Organization
            {
                Name = i == 1 ? "سازمان فناوری اطلاعات ایران" : $"دستگاه اجرایی شماره {PersianDigits.ToPersian(i.ToString(System.Globalization.CultureInfo.InvariantCulture))}",
                Kind = OrganizationKind.ExecutiveAgency,
            }).ToList();
            var recipients = new[] { ("شرکت‌ها", OrganizationKind.Company), ("اشخاص حقیقی", OrganizationKind.NaturalPerson), ("شهروندان", OrganizationKind.Citizen), ("دستگاه‌های اجرایی", OrganizationKind.GovernmentUnit) }
                .Select(r => new Organization { Name = r.Item1, Kind = r.Item2 }).ToList();
            db.AddRange(providers);
            db.AddRange(recipients);
            await db.SaveChangesAsync();
            providerIds = providers.Select(p => p.Id).ToList();
            recipientIds = recipients.Select(r => r.Id).ToList();
        }

        const int batch = 250;
        for (var start = 0; start < services; start += batch)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var recipients = await db.Organizations.Where(o => recipientIds.Contains(o.Id)).ToListAsync();
            var added = new List<EService>();
            for (var i = start; i < Math.Min(start + batch, services); i++)
            {
                added.Add(Service(i, providerIds[i % providerIds.Count], recipients));
            }
            await CatalogueSearchBenchmark.AddWithAgreementsAsync(db, added);
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            // Leave a compact file, as a long-lived database would be.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;");
        }
        Console.Error.WriteLine($"Generated {services:N0} services in {clock.Elapsed.TotalSeconds:N1} s: {databasePath}");
    }

    private static EService Service(int i, int providerId, List<Organization> recipients)
    {
        var subject = Subjects[i % Subjects.Length];
        var service = new EService
        {
            Title = $"{subject} {PersianDigits.ToPersian((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}",
            NationalId = (10_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ProviderId = providerId,
            Nature = i % 2 == 0 ? ServiceNature.Sovereign : ServiceNature.Operational,
            Types = ServiceTypes.G2C | ServiceTypes.G2B,
            Level = ServiceLevel.National,
            ServiceDeskUrl = "https://ito.gov.ir/Home/ServiceDesk",
            Status = (ServiceStatus)(i % 3),
        };
        service.Recipients.Add(recipients[i % recipients.Count]);
        service.Recipients.Add(recipients[(i + 1) % recipients.Count]);

        var validUntil = Jalali.EndOfYear(1398 + i % 8);
        var version = new AgreementVersion
        {
            Number = 1,
            Status = i % 7 == 0 ? AgreementStatus.Draft : AgreementStatus.Published,
            ServiceTitle = service.Title,
            ProviderName = "سازمان فناوری اطلاعات ایران",
            RecipientsDescription = i % 3 == 0 ? "شرکت‌ها و اشخاص حقیقی توسعه‌دهنده نرم‌افزار" : "شرکت‌ها، دستگاه‌های اجرایی و عموم مردم",
            DocumentTitle = $"توافقنامه سطح خدمت {subject}",
            ValidUntil = i % 10 == 0 ? null : validUntil,
            ValidityText = i % 10 == 0 ? "تا پایان دولت یازدهم" : $"تا پایان سال {PersianDigits.ToPersian(Jalali.Format(validUntil)[..4])}",
            Signatory = "معاون توسعه دولت هوشمند",
            StatesClauseCount = true,
            IsFree = i % 4 != 0,
            CostNote = i % 4 != 0 ? "خدمت در حال حاضر رایگان است." : null,
        };
        foreach (var kind in Enum.GetValues<SectionKind>().Where(k => k is not SectionKind.Definitions and not SectionKind.Appendix))
        {
            version.Sections.Add(new Section { Kind = kind, Body = $"متن بند {kind} برای {subject}." });
        }
        for (var o = 0; o < ObligationsPerService; o++)
        {
            var provider = o < 14;
            var order = provider ? o + 1 : o - 13;
            var text = provider ? ProviderObligations[o % ProviderObligations.Length] : RecipientObligations[(o - 14) % RecipientObligations.Length];
            // One obligation in a hundred starts like a formula, as pasted text sometimes does.
            if ((i * ObligationsPerService + o) % 100 == 7) text = "=" + text;
            version.Obligations.Add(new Obligation
            {
                Side = provider ? ObligationSide.Provider : ObligationSide.Recipient,
                Order = order,
                Text = text,
                Target = o % 5 == 3 ? Targets[o % Targets.Length] : null,
            });
        }
        for (var d = 0; d < DataRowsPerService; d++)
        {
            version.DataRows.Add(new DataClassificationRow
            {
                Order = d + 1,
                DataType = DataTypes[d],
                ProvidingUnit = (DataParty)(d % 3),
                ReceivingUnit = (DataParty)((d + 1) % 3),
                StorageLevel = (StorageLevel)(d % 3),
                UsedForAnalytics = d % 2 == 0,
                PublicVisible = d == 1,
                PublicationScope = (PublicationScope)(d % 3),
            });
        }
        service.Agreement = new Agreement();
        service.Agreement.Versions.Add(version);
        return service;
    }
}
