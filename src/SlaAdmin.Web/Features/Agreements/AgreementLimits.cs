using SlaAdmin.Persian;

namespace SlaAdmin.Features.Agreements;

/// <summary>
/// How large one agreement may be, wherever it comes from (the editor, a workbook) and wherever it goes
/// (its page, its workbook). Chosen from the five real agreements, whose largest part has 17 rows
/// (obligations), whose longest text has 1,082 characters and whose whole workbook has under 400 cells:
/// room for agreements thirty times larger, and nothing near what exhausts a server.
/// The messages below are the one wording of each limit, whoever finds it exceeded.
/// </summary>
public static class AgreementLimits
{
    /// <summary>Rows of one part (sections, obligations, data rows, fees, …), and so of one workbook sheet.</summary>
    public const int RowsPerPart = 500;

    /// <summary>Filled cells in one agreement workbook, all sheets together.</summary>
    public const int CellsPerWorkbook = 20_000;

    /// <summary>Characters in one text (a paragraph, an obligation, a cell).</summary>
    public const int TextLength = 8_000;

    /// <summary>«برگه «تعهدات» ۱۰۰٬۰۰۰ ردیف دارد؛ …»: <paramref name="where"/> names the sheet or part.</summary>
    public static string TooManyRows(string where, long rows) =>
        $"{where} {PersianDigits.Format(rows)} ردیف دارد؛ هر بخش توافقنامه بیش از {PersianDigits.Format(RowsPerPart)} ردیف نمی‌تواند داشته باشد. " +
        "ردیف‌های اضافه را بردارید یا توافقنامه را به چند توافقنامه جدا کنید.";

    /// <summary>«کارپوشه ۱۲۰٬۰۰۰ خانه پر دارد؛ …»: <paramref name="where"/> names the workbook or the agreement.</summary>
    public static string TooManyCells(string where, long cells) =>
        $"{where} {PersianDigits.Format(cells)} خانه پر دارد؛ یک توافقنامه روی هم بیش از {PersianDigits.Format(CellsPerWorkbook)} خانه نمی‌تواند داشته باشد. " +
        "ردیف‌ها یا ستون‌های اضافه را بردارید یا توافقنامه را به چند توافقنامه جدا کنید.";

    /// <summary>«متن ۹٬۰۰۰ نویسه است؛ …»: where the text is, the caller says (a cell, a row).</summary>
    public static string TooLong(long length, int max = TextLength) =>
        $"متن {PersianDigits.Format(length)} نویسه است؛ بیشینه {PersianDigits.Format(max)} نویسه است. متن را کوتاه کنید یا در چند ردیف بنویسید.";
}
