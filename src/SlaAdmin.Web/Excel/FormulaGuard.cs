namespace SlaAdmin.Excel;

/// <summary>
/// Formula injection guard. Every text cell we write is a plain string cell (never a formula); text
/// that a spreadsheet would read as a formula when a user edits or re-saves the cell also gets
/// Excel's quote prefix, so it stays inert. The text itself is never changed, so it comes back
/// unchanged on import.
/// </summary>
public static class FormulaGuard
{
    /// <summary>True for text that begins with =, +, -, @, a tab or a carriage return.</summary>
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
