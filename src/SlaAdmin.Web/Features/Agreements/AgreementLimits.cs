namespace SlaAdmin.Features.Agreements;

/// <summary>
/// How large one agreement may be, wherever it comes from (the editor, a workbook) and wherever it goes
/// (its page, its workbook). Chosen from the five real agreements, whose largest part has 17 rows
/// (obligations), whose longest text has 1,082 characters and whose whole workbook has under 400 cells:
/// room for agreements thirty times larger, and nothing near what exhausts a server.
/// </summary>
public static class AgreementLimits
{
    /// <summary>Rows of one part (sections, obligations, data rows, fees, …), and so of one workbook sheet.</summary>
    public const int RowsPerPart = 500;

    /// <summary>Filled cells in one agreement workbook, all sheets together.</summary>
    public const int CellsPerWorkbook = 20_000;

    /// <summary>Characters in one text (a paragraph, an obligation, a cell).</summary>
    public const int TextLength = 8_000;
}
