using System.Globalization;
using ClosedXML.Excel;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements.Workbook;

/// <summary>
/// Reads a workbook in the <see cref="AgreementWorkbookMap"/> layout back into a model, reporting every
/// problem with sheet, row and column. The model is returned only when there is no error.
/// </summary>
internal static class AgreementWorkbookReader
{
    // Column sizes of the database (Data/Configurations), checked here so a valid workbook always saves.
    private const int TitleMax = 400, NameMax = 300, IbanMax = 64;

    public static AgreementWorkbookModel? Read(XLWorkbook workbook, List<WorkbookProblem> problems, WorkbookLocations locations)
    {
        var sheets = new Dictionary<string, IXLWorksheet>();
        foreach (var sheet in workbook.Worksheets)
        {
            var name = AgreementWorkbookMap.SheetNames.FirstOrDefault(n => PersianText.Fold(n) == PersianText.Fold(sheet.Name));
            if (name is null)
                problems.Add(new(ProblemSeverity.Error, sheet.Name, null, null, null,
                    $"برگه «{sheet.Name}» در قالب توافقنامه نیست؛ برگه‌ها باید همین‌ها باشند: {string.Join("، ", AgreementWorkbookMap.SheetNames.Select(n => $"«{n}»"))}."));
            else if (!sheets.TryAdd(name, sheet))
                problems.Add(new(ProblemSeverity.Error, sheet.Name, null, null, null, $"برگه «{name}» دو بار آمده است."));
        }
        foreach (var name in AgreementWorkbookMap.SheetNames.Where(n => !sheets.ContainsKey(n)))
            problems.Add(new(ProblemSeverity.Error, name, null, null, null, $"برگه «{name}» در فایل نیست؛ همه برگه‌های قالب لازم است، حتی اگر خالی باشد."));

        var sections = Read(sheets, SectionSheet.Name, SectionSheet.Headers, problems, ReadSections, [SectionSheet.Clause]);
        var checks = new Dictionary<Guid, CheckState>();
        var obligations = Read(sheets, ObligationSheet.Name, ObligationSheet.Headers, problems, r => ReadObligations(r, checks), [ObligationSheet.Status, ObligationSheet.Clause]);
        var dataRows = Read(sheets, DataSheet.Name, DataSheet.Headers, problems, ReadDataRows, [DataSheet.Clause]);
        var fees = Read(sheets, FeeSheet.Name, FeeSheet.Headers, problems, ReadFees, [FeeSheet.Clause]);
        var payments = Read(sheets, PaymentSheet.Name, PaymentSheet.Headers, problems, r => ReadPayments(r, locations), [PaymentSheet.Clause]);
        var legal = Read(sheets, LegalReferenceSheet.Name, LegalReferenceSheet.Headers, problems, ReadLegalReferences, [LegalReferenceSheet.Clause]);
        var definitions = Read(sheets, DefinitionSheet.Name, DefinitionSheet.Headers, problems, ReadDefinitions, [DefinitionSheet.Clause]);
        var appendix = Read(sheets, AppendixSheet.Name, AppendixSheet.Headers, problems, ReadAppendix, [AppendixSheet.Clause]);
        var summary = sheets.TryGetValue(SummarySheet.Name, out var summarySheet)
            ? ReadSummary(summarySheet, problems, sections, locations)
            : null;

        if (sections is not null)
        {
            var content = new AgreementContent { Sections = sections };
            RowsNeedSection(problems, content, ObligationSheet.Name, obligations?.Count, SectionKind.Obligations);
            RowsNeedSection(problems, content, DataSheet.Name, dataRows?.Count, SectionKind.Data);
            RowsNeedSection(problems, content, FeeSheet.Name, fees?.Count, SectionKind.Costs);
            RowsNeedSection(problems, content, PaymentSheet.Name, payments?.Count, SectionKind.Costs);
            RowsNeedSection(problems, content, LegalReferenceSheet.Name, legal?.Count, SectionKind.Responsibility);
            RowsNeedSection(problems, content, DefinitionSheet.Name, definitions?.Count, SectionKind.Definitions);
            RowsNeedSection(problems, content, AppendixSheet.Name, appendix?.Count, SectionKind.Appendix);
        }

        if (problems.Any(p => p.IsError) || summary is null) return null;
        return summary with
        {
            Checks = checks,
            Content = (summary.Content with
            {
                Sections = sections!,
                Obligations = obligations!,
                DataRows = dataRows!,
                Fees = fees!,
                Payments = payments!,
                LegalReferences = legal!,
                Definitions = definitions!,
                AppendixItems = appendix!,
            }).Normalized(),
        };
    }

    /// <summary>
    /// Rows of a part are shown (and printed) inside their section; rows of a section the agreement
    /// lacks would be stored and never seen, so they are refused.
    /// </summary>
    private static void RowsNeedSection(List<WorkbookProblem> problems, AgreementContent content, string sheet, int? rows, SectionKind kind)
    {
        if (rows is not > 0 || content.Has(kind)) return;
        var section = Labels.Of(kind);
        problems.Add(new(ProblemSeverity.Error, sheet, null, null, null,
            $"برگه «{sheet}» {Digits(rows.Value)} ردیف دارد، اما توافقنامه بخش «{section}» را ندارد و این ردیف‌ها جایی نشان داده نمی‌شوند. " +
            $"یا بخش «{section}» را در برگه «{SectionSheet.Name}» بیفزایید (و در برگه «{SummarySheet.Name}» «{AgreementWorkbookMap.Present}» کنید)، یا ردیف‌های برگه «{sheet}» را پاک کنید."));
    }

    private static IReadOnlyList<T>? Read<T>(Dictionary<string, IXLWorksheet> sheets, string name, IReadOnlyList<string> headers,
        List<WorkbookProblem> problems, Func<SheetReader, IReadOnlyList<T>> read, int[] ignored)
    {
        if (!sheets.TryGetValue(name, out var sheet)) return null;
        var reader = new SheetReader(sheet, headers, problems, ignored);
        return reader.CheckHeaders() ? read(reader) : null;
    }

    private static AgreementWorkbookModel? ReadSummary(IXLWorksheet sheet, List<WorkbookProblem> problems, IReadOnlyList<SectionLine>? sections, WorkbookLocations locations)
    {
        var labels = new Dictionary<int, string>();
        var r = new SheetReader(sheet, SummarySheet.Headers, problems) { RowLabel = row => labels.GetValueOrDefault(row) };
        if (!r.CheckHeaders()) return null;

        var rowsOf = new Dictionary<SummaryRow, int>();
        foreach (var row in r.DataRows())
        {
            var label = r.Text(row, SummarySheet.Label, required: true);
            if (label is null) continue;
            var known = SummarySheet.Rows.FirstOrDefault(k => PersianText.Fold(k.Label) == PersianText.Fold(label));
            if (known is null)
            {
                r.Error(row, SummarySheet.Label, $"«{label.Trim()}» از عنوان‌های برگه خلاصه نیست؛ عنوان‌ها این‌هاست: {string.Join("، ", SummarySheet.Rows.Select(k => $"«{k.Label}»"))}.");
                continue;
            }
            labels[row] = known.Label;
            if (known.Field != SummaryField.SectionPresence) locations.Summary.TryAdd(known.Field, row);
            if (!rowsOf.TryAdd(known, row))
                r.Error(row, SummarySheet.Label, $"«{known.Label}» دو بار آمده است (ردیف {Digits(rowsOf[known])} هم همین است).");
        }
        foreach (var missing in SummarySheet.Rows.Where(k => !rowsOf.ContainsKey(k)))
            r.Report(ProblemSeverity.Error, null, SummarySheet.Label, $"ردیف «{missing.Label}» در برگه نیست؛ ردیف‌های خلاصه را پاک نکنید.");

        int? Row(SummaryField field) => rowsOf.FirstOrDefault(e => e.Key.Field == field).Value is var row and > 0 ? row : null;
        const int v = SummarySheet.Value;
        string? Text(SummaryField field, bool required = false, int max = AgreementLimits.TextLength) =>
            Row(field) is { } row ? AgreementContent.Clean(r.Text(row, v, required, max)) : null;
        bool YesNo(SummaryField field) => MaybeYesNo(field) ?? false;
        bool? MaybeYesNo(SummaryField field) =>
            Row(field) is { } row ? r.Choice<bool>(row, v, Labels.TryParse, [Labels.Yes, Labels.No], required: false) : null;

        var agreementId = Row(SummaryField.AgreementId) is { } idRow ? r.WholeNumber(idRow, v, min: 1, max: int.MaxValue) : null;
        var version = Row(SummaryField.VersionNumber) is { } versionRow ? r.WholeNumber(versionRow, v, min: 1, max: int.MaxValue) : null;

        Guid? stamp = null;
        if (Row(SummaryField.ConcurrencyStamp) is { } stampRow)
        {
            var text = r.Text(stampRow, v, required: agreementId is not null);
            if (text is not null && Guid.TryParse(text.Trim(), out var parsed)) stamp = parsed;
            else if (text is not null) r.Error(stampRow, v, "مهر نسخه دست خورده است؛ آن را از کارپوشه‌ای که از سامانه گرفته‌اید بی‌تغییر بیاورید.");
        }

        var title = Text(SummaryField.ServiceTitle, required: true, TitleMax);
        var provider = Text(SummaryField.Provider, required: true, NameMax);
        var recipients = new List<string>();
        if (Row(SummaryField.RecipientGroups) is { } groupsRow && r.Text(groupsRow, v) is { } groups)
        {
            foreach (var name in groups.Split(['؛', ';', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(AgreementContent.Clean).OfType<string>())
            {
                if (name.Length > NameMax) r.Error(groupsRow, v, $"نام «{name}» بیش از {Digits(NameMax)} نویسه است.");
                else if (!recipients.Contains(name)) recipients.Add(name);
            }
        }

        var validUntil = ReadValidUntil(r);

        var statesClauseCount = YesNo(SummaryField.StatesClauseCount);
        var isFree = MaybeYesNo(SummaryField.IsFree);
        var model = new AgreementWorkbookModel
        {
            AgreementId = (int?)agreementId,
            VersionNumber = (int?)version,
            ConcurrencyStamp = stamp,
            RecipientNames = AgreementWorkbookModel.SortNames(recipients),
            Card = ReadCard(),
            Content = new AgreementContent
            {
                ServiceTitle = title ?? "",
                ProviderName = provider ?? "",
                RecipientsDescription = Text(SummaryField.RecipientsDescription),
                ValidUntil = validUntil,
                ValidityText = Text(SummaryField.ValidityText, max: TitleMax),
                Signatory = Text(SummaryField.Signatory, max: TitleMax),
                StatesClauseCount = statesClauseCount,
                DocumentTitle = Text(SummaryField.DocumentTitle, max: TitleMax),
                Subheading = Text(SummaryField.Subheading),
                PaymentsIntro = Text(SummaryField.PaymentsIntro),
                Letterhead = Text(SummaryField.Letterhead),
                IsFree = isFree,
                CostNote = Text(SummaryField.CostNote),
                ProviderObligationsIntro = Text(SummaryField.ProviderObligationsIntro),
                RecipientObligationsIntro = Text(SummaryField.RecipientObligationsIntro),
                Sections = sections ?? [],
            },
        };

        if (sections is not null) CheckComputedRows(r, rowsOf, model);
        return model;

        ServiceCard ReadCard()
        {
            string? nationalId = null;
            if (Row(SummaryField.NationalId) is { } idRow && r.Text(idRow, v) is { } typed)
            {
                nationalId = NationalServiceId.Normalize(typed, out var problem);
                if (problem is not null) r.Error(idRow, v, problem);
            }
            T? Choice<T>(SummaryField field) where T : struct, Enum =>
                Row(field) is { } row ? r.Choice<T>(row, v, Labels.TryParse, AgreementWorkbookMap.Words<T>(), required: false) : null;
            var types = Choice<ServiceTypes>(SummaryField.ServiceTypes);
            return new ServiceCard
            {
                NationalId = nationalId,
                ProviderUnit = Text(SummaryField.ProviderUnit, max: TitleMax),
                Nature = Choice<ServiceNature>(SummaryField.Nature),
                // «نامشخص» is a word of the types list; it means the same as an empty cell.
                Types = types is ServiceTypes.None ? null : types,
                Level = Choice<ServiceLevel>(SummaryField.Level),
                Status = Choice<ServiceStatus>(SummaryField.ServiceStatus),
                Definition = Text(SummaryField.Definition),
                InteractionChannels = Text(SummaryField.InteractionChannels),
                WebAddress = Text(SummaryField.WebAddress, max: TitleMax),
                RequestSteps = Text(SummaryField.RequestSteps),
                ReportingAndReview = Text(SummaryField.ReportingAndReview),
                ServiceDeskUrl = Text(SummaryField.ServiceDeskUrl, max: TitleMax),
            };
        }

        DateOnly? ReadValidUntil(SheetReader reader)
        {
            var jalaliRow = Row(SummaryField.ValidUntilJalali);
            var dateRow = Row(SummaryField.ValidUntilDate);
            var jalali = jalaliRow is { } j ? reader.JalaliDate(j, v) : null;
            var date = dateRow is { } d ? reader.Date(d, v) : null;
            if (jalali is { } a && date is { } b && a != b)
            {
                reader.Error(dateRow!.Value, v, $"تاریخ میلادی {b.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)} با تاریخ شمسی {Jalali.FormatPersian(a)} ردیف «{SummarySheet.Rows.First(k => k.Field == SummaryField.ValidUntilJalali).Label}» یکی نیست؛ یکی را درست کنید یا تاریخ میلادی را پاک کنید.");
                return null;
            }
            return jalali ?? date;
        }
    }

    /// <summary>The computed rows must agree with the sheets they are computed from, or the user would believe an edit was taken.</summary>
    private static void CheckComputedRows(SheetReader r, Dictionary<SummaryRow, int> rowsOf, AgreementWorkbookModel model)
    {
        const int v = SummarySheet.Value;
        foreach (var (row, number) in rowsOf)
        {
            if (row.Field == SummaryField.ClauseCount && r.WholeNumber(number, v) is { } count && count != model.Content.ClauseCount)
            {
                r.Warning(number, v, $"تعداد بندها از برگه «{SectionSheet.Name}» حساب می‌شود ({Digits(model.Content.ClauseCount)})؛ عدد {Digits(count)} نادیده گرفته شد.");
            }
            if (row.Field == SummaryField.SectionPresence && row.Section is { } kind)
            {
                var said = r.Choice<bool>(number, v, TryParsePresence, [AgreementWorkbookMap.Present, AgreementWorkbookMap.Absent], required: false);
                var present = model.Content.Has(kind);
                if (said is { } s && s != present)
                {
                    r.Error(number, v, present
                        ? $"بخش «{Labels.Of(kind)}» در برگه «{SectionSheet.Name}» هست اما اینجا «{AgreementWorkbookMap.Absent}» آمده است؛ برای برداشتن بخش، ردیف آن را از برگه «{SectionSheet.Name}» پاک کنید."
                        : $"بخش «{Labels.Of(kind)}» در برگه «{SectionSheet.Name}» نیست اما اینجا «{AgreementWorkbookMap.Present}» آمده است؛ برای افزودن بخش، ردیفی برای آن در برگه «{SectionSheet.Name}» بیفزایید.");
                }
            }
        }
    }

    private static bool TryParsePresence(string text, out bool present)
    {
        var folded = PersianText.Fold(text);
        present = folded == PersianText.Fold(AgreementWorkbookMap.Present);
        return present || folded == PersianText.Fold(AgreementWorkbookMap.Absent);
    }

    private static IReadOnlyList<SectionLine> ReadSections(SheetReader r)
    {
        var lines = new List<(SectionLine Line, int Row, long? Number)>();
        var seen = new Dictionary<SectionKind, int>();
        var clauses = new Dictionary<Guid, int>();
        foreach (var row in r.DataRows())
        {
            var kind = r.Choice<SectionKind>(row, SectionSheet.Kind, Labels.TryParse, AgreementWorkbookMap.Words<SectionKind>());
            var number = r.WholeNumber(row, SectionSheet.Number);
            var body = AgreementContent.Clean(r.Text(row, SectionSheet.Body)) ?? "";
            var clause = Clause(r, row, SectionSheet.Clause, clauses);
            if (kind is not { } k || clause is not { } c) continue;
            if (!seen.TryAdd(k, row))
            {
                r.Error(row, SectionSheet.Kind, $"بخش «{Labels.Of(k)}» پیش‌تر در ردیف {Digits(seen[k])} آمده است؛ هر بخش یک ردیف دارد.");
                continue;
            }
            lines.Add((new SectionLine(c, k, body), row, number));
        }

        var numbered = new AgreementContent { Sections = [.. lines.Select(l => l.Line)] }.Normalized();
        var sections = numbered.Sections;
        foreach (var (line, row, number) in lines)
        {
            var expected = numbered.ClauseNumberOf(line.Kind);
            if (number is { } n && n != expected)
            {
                r.Warning(row, SectionSheet.Number, expected is { } e
                    ? $"شماره بند از جای بخش در میان بخش‌های موجود حساب می‌شود ({Digits(e)})؛ شماره {Digits(n)} نادیده گرفته شد."
                    : $"پیوست شماره بند ندارد؛ شماره {Digits(n)} نادیده گرفته شد.");
            }
        }
        return sections;
    }

    private static IReadOnlyList<ObligationLine> ReadObligations(SheetReader r, Dictionary<Guid, CheckState> checks)
    {
        var lines = new List<ObligationLine>();
        var seen = new Dictionary<(ObligationSide, long), int>();
        var clauses = new Dictionary<Guid, int>();
        foreach (var row in r.DataRows())
        {
            var side = r.Choice<ObligationSide>(row, ObligationSheet.Side, Labels.TryParse, AgreementWorkbookMap.Words<ObligationSide>());
            var order = Order(r, row, ObligationSheet.Order);
            var text = r.Text(row, ObligationSheet.Text, required: true);
            var target = r.Text(row, ObligationSheet.Target, maxLength: TitleMax);
            var clause = Clause(r, row, ObligationSheet.Clause, clauses);
            var state = r.Choice<CheckState>(row, ObligationSheet.Status, Labels.TryParse, AgreementWorkbookMap.Words<CheckState>(), required: false);
            if (side is { } s && order is { } o && Unique(r, seen, (s, o), row, ObligationSheet.Order, $"ردیف {Digits(o)} تعهدات «{Labels.Of(s)}»") && text is not null && clause is { } c)
            {
                lines.Add(new ObligationLine(c, s, (int)o, Clean(text), AgreementContent.Clean(target)));
                if (state is { } checkedAs) checks[c] = checkedAs;
            }
        }
        return lines;
    }

    private static IReadOnlyList<DataLine> ReadDataRows(SheetReader r)
    {
        var lines = new List<DataLine>();
        var seen = new Dictionary<long, int>();
        var clauses = new Dictionary<Guid, int>();
        string[] yesNo = [Labels.Yes, Labels.No];
        foreach (var row in r.DataRows())
        {
            var order = Order(r, row, DataSheet.Order);
            var type = r.Text(row, DataSheet.DataType, required: true);
            var providing = r.Choice<DataParty>(row, DataSheet.Providing, Labels.TryParse, AgreementWorkbookMap.Words<DataParty>());
            var receiving = r.Choice<DataParty>(row, DataSheet.Receiving, Labels.TryParse, AgreementWorkbookMap.Words<DataParty>());
            var storage = r.Choice<StorageLevel>(row, DataSheet.Storage, Labels.TryParse, AgreementWorkbookMap.Words<StorageLevel>());
            var analytics = r.Choice<bool>(row, DataSheet.Analytics, Labels.TryParse, yesNo);
            var visible = r.Choice<bool>(row, DataSheet.Public, Labels.TryParse, yesNo);
            var scope = r.Choice<PublicationScope>(row, DataSheet.Scope, Labels.TryParse, AgreementWorkbookMap.Words<PublicationScope>());
            var clause = Clause(r, row, DataSheet.Clause, clauses);
            if (order is { } o && Unique(r, seen, o, row, DataSheet.Order, $"ردیف {Digits(o)}") && clause is { } c
                && type is not null && providing is { } p && receiving is { } rc && storage is { } st && analytics is { } an && visible is { } vi && scope is { } sc)
            {
                lines.Add(new DataLine(c, (int)o, Clean(type), p, rc, st, an, vi, sc));
            }
        }
        return [.. lines.OrderBy(l => l.Order)];
    }

    private static IReadOnlyList<FeeLine> ReadFees(SheetReader r)
    {
        var lines = new List<FeeLine>();
        var seen = new Dictionary<long, int>();
        var clauses = new Dictionary<Guid, int>();
        foreach (var row in r.DataRows())
        {
            var order = Order(r, row, FeeSheet.Order);
            var service = r.Text(row, FeeSheet.Service, required: true);
            var type = r.Choice<CostType>(row, FeeSheet.CostType, Labels.TryParse, AgreementWorkbookMap.Words<CostType>());
            var description = r.Text(row, FeeSheet.Description);
            var amount = r.WholeNumber(row, FeeSheet.Amount);
            var clause = Clause(r, row, FeeSheet.Clause, clauses);
            if (order is { } o && Unique(r, seen, o, row, FeeSheet.Order, $"ردیف {Digits(o)}") && service is not null && type is { } t && clause is { } c
                && (amount is not null || r.IsBlank(row, FeeSheet.Amount)))
            {
                lines.Add(new FeeLine(c, (int)o, Clean(service), t, AgreementContent.Clean(description), amount));
            }
        }
        return [.. lines.OrderBy(l => l.Order)];
    }

    private static IReadOnlyList<PaymentLine> ReadPayments(SheetReader r, WorkbookLocations locations)
    {
        var lines = new List<PaymentLine>();
        var seen = new Dictionary<long, int>();
        var clauses = new Dictionary<Guid, int>();
        var channelChoices = AgreementWorkbookMap.Words<PaymentChannels>();
        foreach (var row in r.DataRows())
        {
            var order = Order(r, row, PaymentSheet.Order);
            var description = r.Text(row, PaymentSheet.Description, required: true);
            var owner = r.Text(row, PaymentSheet.AccountOwner, maxLength: NameMax);
            var iban = ReadIban(r, row, out var ibanOk);
            var channels = r.IsBlank(row, PaymentSheet.Channels)
                ? PaymentChannels.None
                : r.Choice<PaymentChannels>(row, PaymentSheet.Channels, Labels.TryParse, channelChoices);
            var clause = Clause(r, row, PaymentSheet.Clause, clauses);
            if (order is { } at) locations.PaymentRows.TryAdd((int)at, row);
            if (order is { } o && Unique(r, seen, o, row, PaymentSheet.Order, $"ردیف {Digits(o)}") && description is not null && ibanOk && channels is { } ch && clause is { } c)
                lines.Add(new PaymentLine(c, (int)o, Clean(description), AgreementContent.Clean(owner), iban, ch));
        }
        return [.. lines.OrderBy(l => l.Order)];
    }

    /// <summary>
    /// The IBAN is kept exactly as typed. A wrong length or check digit is a warning (published documents
    /// carry such slips, seed 002 among them, and we keep what they say); text that cannot be an Iranian
    /// IBAN at all (not IR, or letters among the digits) is an error, as it is almost surely the wrong cell.
    /// </summary>
    private static string? ReadIban(SheetReader r, int row, out bool ok)
    {
        ok = false;
        var raw = r.Text(row, PaymentSheet.Iban, maxLength: IbanMax);
        if (raw is null)
        {
            ok = r.IsBlank(row, PaymentSheet.Iban);
            return null;
        }
        var compact = Iban.Compact(raw);
        if (!compact.StartsWith("IR", StringComparison.Ordinal) || compact.Skip(2).Any(c => c is < '0' or > '9'))
        {
            r.Error(row, PaymentSheet.Iban, $"«{raw.Trim()}» شماره شبا نیست: شماره شبا با IR آغاز می‌شود و پس از آن فقط رقم می‌آید.");
            return null;
        }
        if (Iban.Validate(raw) is { } problem)
            r.Warning(row, PaymentSheet.Iban, $"شماره شبا معتبر نیست: {problem} شماره همان‌گونه که نوشته شده نگه داشته می‌شود.");
        ok = true;
        return raw;
    }

    private static IReadOnlyList<LegalReferenceLine> ReadLegalReferences(SheetReader r)
    {
        var lines = new List<LegalReferenceLine>();
        var seen = new Dictionary<long, int>();
        var clauses = new Dictionary<Guid, int>();
        foreach (var row in r.DataRows())
        {
            var order = Order(r, row, LegalReferenceSheet.Order);
            var title = r.Text(row, LegalReferenceSheet.Title, required: true);
            var article = r.Text(row, LegalReferenceSheet.ArticleOrClause);
            var body = r.Text(row, LegalReferenceSheet.ApprovingBody);
            var number = r.Text(row, LegalReferenceSheet.Number);
            var jalali = r.JalaliDate(row, LegalReferenceSheet.JalaliDate);
            var date = r.Date(row, LegalReferenceSheet.Date);
            var note = r.Text(row, LegalReferenceSheet.Note);
            var datesOk = (jalali is not null || r.IsBlank(row, LegalReferenceSheet.JalaliDate)) && (date is not null || r.IsBlank(row, LegalReferenceSheet.Date));
            if (jalali is { } a && date is { } b && a != b)
            {
                r.Error(row, LegalReferenceSheet.Date, $"تاریخ میلادی {b.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)} با تاریخ شمسی {Jalali.FormatPersian(a)} یکی نیست؛ یکی را درست کنید یا تاریخ میلادی را پاک کنید.");
                datesOk = false;
            }
            var clause = Clause(r, row, LegalReferenceSheet.Clause, clauses);
            if (order is { } o && Unique(r, seen, o, row, LegalReferenceSheet.Order, $"ردیف {Digits(o)}") && title is not null && datesOk && clause is { } c)
            {
                lines.Add(new LegalReferenceLine(c, (int)o, Clean(title), AgreementContent.Clean(article), AgreementContent.Clean(body),
                    AgreementContent.Clean(number), jalali ?? date, AgreementContent.Clean(note)));
            }
        }
        return [.. lines.OrderBy(l => l.Order)];
    }

    private static IReadOnlyList<DefinitionLine> ReadDefinitions(SheetReader r)
    {
        var lines = new List<DefinitionLine>();
        var seen = new Dictionary<long, int>();
        var clauses = new Dictionary<Guid, int>();
        foreach (var row in r.DataRows())
        {
            var order = Order(r, row, DefinitionSheet.Order);
            var term = r.Text(row, DefinitionSheet.Term, required: true);
            var text = r.Text(row, DefinitionSheet.Text, required: true);
            var clause = Clause(r, row, DefinitionSheet.Clause, clauses);
            if (order is { } o && Unique(r, seen, o, row, DefinitionSheet.Order, $"ردیف {Digits(o)}") && term is not null && text is not null && clause is { } c)
                lines.Add(new DefinitionLine(c, (int)o, Clean(term), Clean(text)));
        }
        return [.. lines.OrderBy(l => l.Order)];
    }

    private static IReadOnlyList<AppendixLine> ReadAppendix(SheetReader r)
    {
        var lines = new List<AppendixLine>();
        var seen = new Dictionary<long, int>();
        var clauses = new Dictionary<Guid, int>();
        foreach (var row in r.DataRows())
        {
            var order = Order(r, row, AppendixSheet.Order);
            var text = r.Text(row, AppendixSheet.Text, required: true);
            var clause = Clause(r, row, AppendixSheet.Clause, clauses);
            if (order is { } o && Unique(r, seen, o, row, AppendixSheet.Order, $"ردیف {Digits(o)}") && text is not null && clause is { } c)
                lines.Add(new AppendixLine(c, (int)o, Clean(text)));
        }
        return [.. lines.OrderBy(l => l.Order)];
    }

    /// <summary>
    /// The clause identity of a row: the one exported, or a new one when the cell is empty (a row the
    /// user added). Null, with an error, when it is not an identity or another row of the sheet has it.
    /// </summary>
    private static Guid? Clause(SheetReader r, int row, int column, Dictionary<Guid, int> seen)
    {
        var text = r.Text(row, column);
        if (text is null) return r.IsBlank(row, column) ? Guid.NewGuid() : null;
        if (!Guid.TryParse(text.Trim(), out var clause))
        {
            r.Error(row, column, $"«{text.Trim()}» شناسه بند نیست؛ شناسه بند را دست نزنید، و برای ردیف تازه این خانه را خالی بگذارید.");
            return null;
        }
        if (seen.TryAdd(clause, row)) return clause;
        r.Error(row, column, $"شناسه بند این ردیف همان شناسه ردیف {Digits(seen[clause])} است؛ هر بند شناسه خود را دارد. اگر ردیفی را رونوشت کرده‌اید، شناسه بند ردیف تازه را پاک کنید تا بند تازه‌ای ساخته شود.");
        return null;
    }

    private static long? Order(SheetReader r, int row, int column) => r.WholeNumber(row, column, required: true, min: 0, max: int.MaxValue);

    /// <summary>Records the key; reports a duplicate at <paramref name="column"/>, naming the row that has it first.</summary>
    private static bool Unique<TKey>(SheetReader r, Dictionary<TKey, int> seen, TKey key, int row, int column, string what) where TKey : notnull
    {
        if (seen.TryAdd(key, row)) return true;
        r.Error(row, column, $"{what} تکراری است؛ ردیف {Digits(seen[key])} برگه همین شماره را دارد.");
        return false;
    }

    private static string Clean(string text) => AgreementContent.Clean(text) ?? "";

    private static string Digits(long number) => PersianDigits.ToPersian(number.ToString(CultureInfo.InvariantCulture));
}

/// <summary>Where things were found, so problems found later against the database can name their cell.</summary>
public sealed class WorkbookLocations
{
    internal Dictionary<SummaryField, int> Summary { get; } = [];

    /// <summary>Payment order number → sheet row.</summary>
    internal Dictionary<int, int> PaymentRows { get; } = [];
}
