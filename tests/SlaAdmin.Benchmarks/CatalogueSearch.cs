using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Persian;

namespace SlaAdmin.Benchmarks;

/// <summary>One database size on one provider: the grid's search and its unfiltered first page, through the app and by hand.</summary>
public sealed record CatalogueSearchResult(
    string Provider, int Services, int Queries, double GenerateSeconds,
    Percentiles Search, Percentiles HandSearch, Percentiles FirstPage, Percentiles HandFirstPage);

/// <summary>Milliseconds at the 50th, 95th and 99th percentile.</summary>
public sealed record Percentiles(double P50, double P95, double P99)
{
    public static Percentiles Of(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double p) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(p * milliseconds.Count) - 1)];
        return new(At(0.50), At(0.95), At(0.99));
    }
}

/// <summary>
/// The catalogue grid at scale (issue 10): <see cref="CatalogueService.SearchAsync"/> (count and first page of 25) for a
/// mix of terms (common words, a province, a provider, a ministry over its agencies, an Arabic yeh, digits, a two-letter
/// term that is scanned, no match), and the unfiltered first page, each timed call after call beside the same query
/// written by hand in SQL on the same connection string, returning the same rows and count.
/// </summary>
public static class CatalogueSearchBenchmark
{
    public static readonly string[] Terms =
        ["پروانه", "گواهی امضا", "کرمان", "دستگاه اجرایی شماره ۷", "وزارت کشور", "گواهي امضا", "۱۲۳۴", "ثب", "بازدید فنی یزد", "ناموجود"];

    private static readonly string[] Subjects =
    [
        "پرداخت الکترونیکی عوارض", "چاپ کارت هوشمند", "ژئوفیزیک و استعلام لرزه‌نگاری", "گواهی امضای الکترونیکی", "صدور پروانه بهره‌برداری",
        "ثبت شکایت شهروندان", "استعلام وضعیت پرونده", "تمدید مجوز کسب‌وکار", "راهبری تبادل اطلاعات", "صدور گواهی احراز اصالت", "بازدید فنی", "ثبت درخواست مجوز",
    ];

    private static readonly string[] Provinces =
        ["تهران", "گیلان", "چهارمحال و بختیاری", "کرمان", "یزد", "بوشهر", "زنجان", "سمنان", "قم", "البرز", "ایلام", "همدان", "مرکزی", "لرستان", "هرمزگان", "اردبیل"];

    private static readonly string[] Ministries =
        ["وزارت ارتباطات و فناوری اطلاعات", "وزارت کشور", "وزارت اقتصاد و امور دارایی", "وزارت بهداشت، درمان و آموزش پزشکی", "وزارت راه و شهرسازی", "وزارت صنعت، معدن و تجارت"];

    /// <summary>Makes (or reuses) a catalogue of each size on each provider and measures it; <paramref name="postgres"/> is an administrator's connection string, or null for SQLite only.</summary>
    public static async Task<List<CatalogueSearchResult>> RunAsync(IEnumerable<int> sizes, string folder, string? postgres, int rounds, Action<string> log)
    {
        var results = new List<CatalogueSearchResult>();
        foreach (var services in sizes)
        {
            var sqlite = $"Data Source={Path.Combine(folder, $"catalogue-search-{services}.db")}";
            results.Add(await MeasureAsync("SQLite", sqlite, services, rounds, log));
            if (postgres is not null)
            {
                var database = new NpgsqlConnectionStringBuilder(postgres) { Database = $"slaadmin_bench_{services}" }.ConnectionString;
                results.Add(await MeasureAsync("PostgreSQL", database, services, rounds, log));
            }
        }
        return results;
    }

    private static async Task<CatalogueSearchResult> MeasureAsync(string provider, string connectionString, int services, int rounds, Action<string> log)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:Default"] = connectionString;
        builder.Configuration["Database:Provider"] = provider == "SQLite" ? "Sqlite" : "PostgreSql";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSlaData();
        builder.Services.AddSingleton<CatalogueService>();
        await using var app = builder.Build();
        var factory = app.Services.GetRequiredService<IDbContextFactory<SlaDbContext>>();
        var generate = await EnsureGeneratedAsync(factory, services);
        if (generate > 0) log($"{provider}: generated {services:N0} services in {generate:N1} s");

        var catalogue = app.Services.GetRequiredService<CatalogueService>();
        var hand = new HandWritten(provider == "SQLite", connectionString);
        var (search, handSearch, page, handPage) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var byTerm = Terms.ToDictionary(t => t, _ => (App: new List<double>(), Hand: new List<double>()));
        for (var round = -1; round < rounds; round++)
        {
            // Round -1 warms up (query compilation, caches) and checks that both give the same rows.
            foreach (var term in Terms)
            {
                var (app1, appMs) = await TimeAsync(() => catalogue.SearchAsync(new CatalogueFilter(Search: term), 1, 25));
                var (byHand, handMs) = await TimeAsync(() => hand.SearchAsync(term));
                if (round < 0) Same(provider, term, app1, byHand);
                else
                {
                    search.Add(appMs);
                    handSearch.Add(handMs);
                    byTerm[term].App.Add(appMs);
                    byTerm[term].Hand.Add(handMs);
                }
            }
            var (first, firstMs) = await TimeAsync(() => catalogue.SearchAsync(new CatalogueFilter(), 1, 25));
            var (firstByHand, firstHandMs) = await TimeAsync(() => hand.SearchAsync(null));
            if (round < 0) Same(provider, "(none)", first, firstByHand);
            else
            {
                page.Add(firstMs);
                handPage.Add(firstHandMs);
            }
        }
        foreach (var (term, times) in byTerm.Where(t => t.Value.App.Count > 0))
        {
            log($"{provider} {services:N0} «{term}»: app p50 {Percentiles.Of(times.App).P50:N1} ms, by hand {Percentiles.Of(times.Hand).P50:N1} ms");
        }
        return new CatalogueSearchResult(provider, services, search.Count, generate,
            Percentiles.Of(search), Percentiles.Of(handSearch), Percentiles.Of(page), Percentiles.Of(handPage));
    }

    private static async Task<(T Result, double Milliseconds)> TimeAsync<T>(Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        return (result, clock.Elapsed.TotalMilliseconds);
    }

    private static void Same(string provider, string term, CatalogueResult app, (int Total, List<int> Ids) hand)
    {
        if (app.Total != hand.Total || !app.Rows.Select(r => r.Id).SequenceEqual(hand.Ids))
            throw new InvalidOperationException($"{provider}, «{term}»: the app found {app.Total} ({string.Join(",", app.Rows.Select(r => r.Id))}), the hand-written SQL {hand.Total} ({string.Join(",", hand.Ids)}).");
    }

    /// <summary>
    /// Fills an empty catalogue through the app's own model and save interceptor (folded search text, stored counts,
    /// the search index's triggers), in one transaction; returns the seconds it took, or 0 when the database already holds it.
    /// </summary>
    private static async Task<double> EnsureGeneratedAsync(IDbContextFactory<SlaDbContext> factory, int services)
    {
        await using (var check = await factory.CreateDbContextAsync())
        {
            if (check.Database.IsNpgsql())
            {
                // A fresh database each time: PostgreSQL's is cheap to make and a kept one may carry an older model.
                await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(check.Database.GetConnectionString()) { Database = "postgres" }.ConnectionString);
                await admin.OpenAsync();
                var name = check.Database.GetDbConnection().Database;
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
                NpgsqlConnection.ClearAllPools();
            }
            else if ((await check.Database.GetPendingMigrationsAsync()).Any() is false && await check.Services.CountAsync() == services)
            {
                return 0;
            }
            else
            {
                SqliteConnection.ClearAllPools();
                var file = new SqliteConnectionStringBuilder(check.Database.GetConnectionString()).DataSource;
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
            }
        }

        var clock = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var ministries = Ministries.Select(n => new Organization { Name = n, Kind = OrganizationKind.GovernmentUnit }).ToList();
        var agencies = Enumerable.Range(1, 30).Select(i => new Organization
        {
            Name = $"دستگاه اجرایی شماره {Digits(i)}", Kind = OrganizationKind.ExecutiveAgency, Parent = ministries[(i - 1) % ministries.Count],
        }).ToList();
        var recipients = new[] { "شرکت‌ها", "اشخاص حقیقی", "شهروندان" }.Select(n => new Organization { Name = n, Kind = OrganizationKind.Citizen }).ToList();
        db.AddRange(ministries.Concat(agencies).Concat(recipients));
        await db.SaveChangesAsync();

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const int batch = 2_000;
        for (var start = 0; start < services; start += batch)
        {
            var added = Enumerable.Range(start, Math.Min(batch, services - start)).Select(i => Service(i, agencies[i % agencies.Count], recipients[i % recipients.Count])).ToList();
            await AddWithAgreementsAsync(db, added);
            db.ChangeTracker.Clear();
            db.AttachRange(agencies.Concat(recipients));
        }
        await transaction.CommitAsync();
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        else await db.Database.ExecuteSqlRawAsync("PRAGMA optimize; ANALYZE;");
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Saves new services, each with an agreement of one version, and points each agreement at its version
    /// (in force when published, else working): a second save, as a version needs its key first. Change
    /// detection is left to the caller.
    /// </summary>
    public static async Task AddWithAgreementsAsync(SlaDbContext db, List<EService> added)
    {
        db.Services.AddRange(added);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        foreach (var agreement in added.Select(s => s.Agreement!))
        {
            var version = agreement.Versions.Single();
            if (version.Status == AgreementStatus.Published) agreement.InForceVersionId = version.Id;
            else agreement.WorkingVersionId = version.Id;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }

    private static string Digits(int n) => PersianDigits.ToPersian(n.ToString(CultureInfo.InvariantCulture));

    private static EService Service(int i, Organization provider, Organization recipient)
    {
        var title = $"{Subjects[i % Subjects.Length]} {Provinces[i / Subjects.Length % Provinces.Length]} {Digits(i + 1)}";
        var service = new EService
        {
            Title = title,
            NationalId = (10_000_000_000L + i).ToString(CultureInfo.InvariantCulture),
            Provider = provider,
            Status = (ServiceStatus)(i % 3),
        };
        service.Recipients.Add(recipient);
        var validUntil = Jalali.EndOfYear(1398 + i % 8);
        var version = new AgreementVersion
        {
            Number = 1,
            Status = i % 7 == 0 ? AgreementStatus.Draft : AgreementStatus.Published,
            ServiceTitle = title,
            ProviderName = provider.Name,
            ValidUntil = i % 10 == 0 ? null : validUntil,
            ValidityText = i % 10 == 0 ? "تا پایان دولت یازدهم" : null,
        };
        for (var o = 0; o < 1 + i % 4; o++)
        {
            version.Obligations.Add(new Obligation { Side = ObligationSide.Provider, Order = o + 1, Text = "سازمان متعهد می‌شود به زمان اعلام‌شده پایبند باشد." });
        }
        service.Agreement = new Agreement();
        service.Agreement.Versions.Add(version);
        return service;
    }

    /// <summary>
    /// The grid's two queries as one would write them by hand: the count, then the 25 rows with the version readers
    /// see (one join through the pointers) and its stored obligation count, searched through the same trigram index.
    /// </summary>
    private sealed class HandWritten(bool sqlite, string connectionString)
    {
        public async Task<(int Total, List<int> Ids)> SearchAsync(string? search)
        {
            var term = PersianText.Fold(search);
            await using DbConnection connection = sqlite ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
            if (connection is SqliteConnection withCollation) withCollation.CreateCollation(PersianCollation.Name, PersianCollation.Compare);
            await connection.OpenAsync();
            // The services whose text matches, with those of the organizations (or their parents) whose name matches.
            var providers = sqlite
                ? """SELECT o."Id" FROM "Organizations" o LEFT JOIN "Organizations" p ON p."Id" = o."ParentId" LEFT JOIN "Organizations" g ON g."Id" = p."ParentId" WHERE instr(o."SearchText", @term) > 0 OR instr(p."SearchText", @term) > 0 OR instr(g."SearchText", @term) > 0"""
                : """SELECT o."Id" FROM "Organizations" o LEFT JOIN "Organizations" p ON p."Id" = o."ParentId" LEFT JOIN "Organizations" g ON g."Id" = p."ParentId" WHERE strpos(o."SearchText", @term) > 0 OR strpos(p."SearchText", @term) > 0 OR strpos(g."SearchText", @term) > 0""";
            var text = (term.EnumerateRunes().Count() < SearchIndex.TrigramLength, sqlite) switch
            {
                (true, true) => """SELECT "Id" FROM "Services" WHERE instr("SearchText", @term) > 0""",
                (false, true) => """SELECT rowid FROM "ServiceSearch" WHERE "ServiceSearch" MATCH @phrase""",
                (true, false) => """SELECT "Id" FROM "Services" WHERE strpos("SearchText", @term) > 0""",
                (false, false) => """SELECT "Id" FROM "Services" WHERE "SearchText" LIKE @pattern""",
            };
            var where = term.Length == 0 ? "" : $"""AND s."Id" IN ({text} UNION SELECT "Id" FROM "Services" WHERE "ProviderId" IN ({providers}))""";
            var count = Command(connection, $"""SELECT COUNT(*) FROM "Services" s WHERE s."RetiredAt" IS NULL {where}""", term);
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            var page = Command(connection, $"""
                SELECT s."Id", s."Title", o."Name", s."Status", v."AgreementId", v."Status", v."ValidUntil", v."ValidityText", v."ObligationCount"
                FROM "Services" s
                JOIN "Organizations" o ON o."Id" = s."ProviderId"
                LEFT JOIN "Agreements" a ON a."EServiceId" = s."Id"
                LEFT JOIN "AgreementVersions" v ON v."Id" = COALESCE(a."InForceVersionId", a."WorkingVersionId")
                WHERE s."RetiredAt" IS NULL {where}
                ORDER BY s."Title", s."Id"
                LIMIT 25
                """, term);
            var ids = new List<int>();
            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt32(0));
                for (var c = 1; c < reader.FieldCount; c++) _ = reader.IsDBNull(c) ? null : reader.GetValue(c);
            }
            return (total, ids);
        }

        private static DbCommand Command(DbConnection connection, string sql, string term)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            void Add(string name, string value)
            {
                if (!sql.Contains(name, StringComparison.Ordinal)) return;
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            Add("@term", term);
            Add("@phrase", "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            Add("@pattern", "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
            return command;
        }
    }

    /// <summary>
    /// <c>--catalogue [--catalogue-services 10000,100000] [--rounds 30] [--postgres "Host=…;Username=…"]</c> (or
    /// SLAADMIN_TEST_POSTGRES); prints the table and keeps it in artifacts/benchmarks/catalogue-search.md.
    /// </summary>
    public static async Task<int> RunFromCommandLineAsync(string[] args, string repositoryRoot)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var sizes = (Value("--catalogue-services") ?? "10000,100000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();
        var rounds = int.Parse(Value("--rounds") ?? "30", CultureInfo.InvariantCulture);
        var postgres = Value("--postgres") ?? Environment.GetEnvironmentVariable("SLAADMIN_TEST_POSTGRES");
        var folder = Path.Combine(repositoryRoot, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        if (postgres is null) Console.Error.WriteLine("No PostgreSQL (--postgres or SLAADMIN_TEST_POSTGRES): SQLite only.");
        var results = await RunAsync(sizes, folder, postgres, rounds, Console.Error.WriteLine);
        var table = $"{rounds} rounds of {Terms.Length} searches and one unfiltered first page, app and hand-written SQL call after call.\n\n" + Markdown(results);
        Console.WriteLine(table);
        await File.WriteAllTextAsync(Path.Combine(folder, "catalogue-search.md"), table);
        return 0;
    }

    public static string Markdown(IReadOnlyList<CatalogueSearchResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| database | services | search p50 / p95 / p99 (ms) | by hand p50 / p95 / p99 | unfiltered first page p50 / p95 | by hand p50 / p95 |");
        sb.AppendLine("|---|---:|---|---|---|---|");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Provider} | {r.Services:N0} | {r.Search.P50:N1} / {r.Search.P95:N1} / {r.Search.P99:N1} | {r.HandSearch.P50:N1} / {r.HandSearch.P95:N1} / {r.HandSearch.P99:N1} | {r.FirstPage.P50:N1} / {r.FirstPage.P95:N1} | {r.HandFirstPage.P50:N1} / {r.HandFirstPage.P95:N1} |");
        }
        return sb.ToString();
    }
}
