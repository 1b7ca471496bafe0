namespace SlaAdmin.Excel.Streaming;

/// <summary>The fixed style sheet of streamed workbooks and the cell style indices into it.</summary>
internal static class XlsxStyles
{
    public const int Header = 1;
    public const int PlainText = 2;
    public const int QuotedText = 3;
    public const int WrappedText = 4;
    public const int WrappedQuotedText = 5;
    public const int Integer = 6;
    public const int Money = 7;
    public const int Date = 8;

    public const string MoneyFormat = "#,##0";
    public const string DateFormat = "yyyy/mm/dd";

    public static int Text(bool wrap, bool looksLikeFormula) => (wrap, looksLikeFormula) switch
    {
        (false, false) => PlainText,
        (false, true) => QuotedText,
        (true, false) => WrappedText,
        (true, true) => WrappedQuotedText,
    };

    // What follows «<c» for each style index, so a cell costs no string building.
    public static readonly string[] TextCellAttributes =
        Enumerable.Range(0, 9).Select(s => $" s=\"{s}\" t=\"inlineStr\"><is><t>").ToArray();

    // The same for text whose spaces at either end or in runs must survive.
    public static readonly string[] SpacedTextCellAttributes =
        Enumerable.Range(0, 9).Select(s => $" s=\"{s}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">").ToArray();

    public static readonly string[] NumberCellAttributes =
        Enumerable.Range(0, 9).Select(s => $" s=\"{s}\"><v>").ToArray();

    /// <summary>
    /// Tahoma renders Persian well and is on every Windows desk. The header is white bold on dark
    /// blue; text reads right to left; the quote-prefixed styles keep formula-looking text inert
    /// when a user edits the cell.
    /// </summary>
    public const string StyleSheet =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
        """<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""" +
        """<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0"/><numFmt numFmtId="165" formatCode="yyyy/mm/dd"/></numFmts>""" +
        """<fonts count="2">""" +
        """<font><sz val="10"/><name val="Tahoma"/><family val="2"/></font>""" +
        """<font><b/><sz val="10"/><color rgb="FFFFFFFF"/><name val="Tahoma"/><family val="2"/></font>""" +
        """</fonts>""" +
        """<fills count="3">""" +
        """<fill><patternFill patternType="none"/></fill>""" +
        """<fill><patternFill patternType="gray125"/></fill>""" +
        """<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/><bgColor indexed="64"/></patternFill></fill>""" +
        """</fills>""" +
        """<borders count="2">""" +
        """<border><left/><right/><top/><bottom/><diagonal/></border>""" +
        """<border><left/><right/><top/><bottom style="thin"><color rgb="FF7F7F7F"/></bottom><diagonal/></border>""" +
        """</borders>""" +
        """<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>""" +
        """<cellXfs count="9">""" +
        """<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>""" +
        """<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1" readingOrder="2"/></xf>""" +
        """<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" readingOrder="2"/></xf>""" +
        """<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1" quotePrefix="1"><alignment vertical="top" readingOrder="2"/></xf>""" +
        """<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1" readingOrder="2"/></xf>""" +
        """<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1" quotePrefix="1"><alignment vertical="top" wrapText="1" readingOrder="2"/></xf>""" +
        """<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>""" +
        """<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>""" +
        """<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="center" vertical="top"/></xf>""" +
        """</cellXfs>""" +
        """<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>""" +
        """<dxfs count="0"/>""" +
        """<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>""" +
        """</styleSheet>""";
}
