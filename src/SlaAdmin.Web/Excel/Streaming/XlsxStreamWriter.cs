using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SlaAdmin.Excel.Streaming;

/// <summary>
/// Writes an .xlsx workbook row by row into any stream, the non-seekable HTTP response body
/// included: an <see cref="XmlWriter"/> per part into a <see cref="ZipArchive"/> in Create mode,
/// sent on as it fills, so memory stays flat however many rows come. Every sheet reads right to
/// left, has a bold filled header row that stays frozen and repeats on printed pages, an Excel
/// table with filters over its data, set column widths, and prints landscape one page wide.
/// </summary>
public static class XlsxStreamWriter
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        CloseOutput = false,
        NewLineHandling = NewLineHandling.Entitize,
    };

    public static Task WriteAsync(Stream output, XlsxProperties properties, XlsxSheet sheet, CancellationToken cancellationToken = default) =>
        WriteAsync(output, properties, [sheet], cancellationToken);

    public static async Task WriteAsync(Stream output, XlsxProperties properties, IReadOnlyList<XlsxSheet> sheets, CancellationToken cancellationToken = default)
    {
        if (sheets.Count == 0) throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        if (sheets.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != sheets.Count)
            throw new ArgumentException("Sheet names must differ.", nameof(sheets));
        if (sheets.Select(s => s.TableName).Distinct(StringComparer.OrdinalIgnoreCase).Count() != sheets.Count)
            throw new ArgumentException("Table names must differ.", nameof(sheets));

        using var buffer = new DrainBuffer();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", x => ContentTypes(x, sheets.Count));
            Part(zip, "_rels/.rels", RootRelationships);
            Part(zip, "docProps/core.xml", x => CoreProperties(x, properties));
            Part(zip, "docProps/app.xml", AppProperties);
            Part(zip, "xl/workbook.xml", x => Workbook(x, sheets));
            Part(zip, "xl/_rels/workbook.xml.rels", x => WorkbookRelationships(x, sheets.Count));
            RawPart(zip, "xl/styles.xml", XlsxStyles.StyleSheet);
            for (var i = 0; i < sheets.Count; i++)
            {
                var n = i + 1;
                Part(zip, $"xl/worksheets/_rels/sheet{n}.xml.rels", x => SheetRelationships(x, n));
                var lastRow = await WorksheetAsync(zip, buffer, output, sheets[i], n, cancellationToken);
                Part(zip, $"xl/tables/table{n}.xml", x => Table(x, sheets[i], n, lastRow));
                await buffer.DrainAsync(output, cancellationToken);
            }
        }
        await buffer.DrainAsync(output, cancellationToken);
    }

    private static void Part(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void RawPart(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Streams one worksheet; returns the number of its last row.</summary>
    private static async Task<int> WorksheetAsync(ZipArchive zip, DrainBuffer buffer, Stream output, XlsxSheet sheet, int number, CancellationToken cancellationToken)
    {
        var n = sheet.Headers.Count;
        using var stream = zip.CreateEntry($"xl/worksheets/sheet{number}.xml", CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("worksheet", MainNs);
        xml.WriteAttributeString("xmlns", "r", null, RelNs);

        xml.WriteRaw("""<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>""");
        // Right to left, with the header row frozen above the scrolling data.
        xml.WriteRaw(number == 1 ? """<sheetViews><sheetView rightToLeft="1" tabSelected="1" workbookViewId="0">""" : """<sheetViews><sheetView rightToLeft="1" workbookViewId="0">""");
        xml.WriteRaw("""<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>""");
        // No default row height: rows then grow to fit wrapped text (LibreOffice fixes them otherwise).

        xml.WriteStartElement("cols");
        for (var i = 0; i < n; i++)
        {
            xml.WriteStartElement("col");
            xml.WriteAttributeString("min", Num(i + 1));
            xml.WriteAttributeString("max", Num(i + 1));
            // The stored width counts the cell's padding too (5 pixels of a 7-pixel digit), as Excel writes it.
            xml.WriteAttributeString("width", (sheet.Widths[i] + 5d / 7).ToString("0.###", CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("sheetData");
        var sink = new SheetSink(xml, buffer, output, n);
        sink.HeaderRow(sheet.Headers);
        await sheet.WriteRowsAsync(sink, cancellationToken);
        var lastRow = sink.RowNumber;
        xml.WriteEndElement();

        xml.WriteRaw("""<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>""");
        xml.WriteRaw("""<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>""");
        xml.WriteStartElement("headerFooter");
        xml.WriteElementString("oddFooter", "&C&P / &N");
        xml.WriteEndElement();
        xml.WriteRaw("""<tableParts count="1"><tablePart r:id="rId1"/></tableParts>""");
        xml.WriteEndElement();
        xml.WriteEndDocument();
        return lastRow;
    }

    private static void Table(XmlWriter xml, XlsxSheet sheet, int n, int lastRow)
    {
        // A table needs a data row; an empty export gets one empty row under its header.
        var reference = $"A1:{SheetSink.ColumnName(sheet.Headers.Count - 1)}{Math.Max(lastRow, 2)}";
        xml.WriteStartElement("table", MainNs);
        xml.WriteAttributeString("id", Num(n));
        xml.WriteAttributeString("name", sheet.TableName);
        xml.WriteAttributeString("displayName", sheet.TableName);
        xml.WriteAttributeString("ref", reference);
        xml.WriteAttributeString("totalsRowShown", "0");
        xml.WriteStartElement("autoFilter");
        xml.WriteAttributeString("ref", reference);
        xml.WriteEndElement();
        xml.WriteStartElement("tableColumns");
        xml.WriteAttributeString("count", Num(sheet.Headers.Count));
        for (var i = 0; i < sheet.Headers.Count; i++)
        {
            xml.WriteStartElement("tableColumn");
            xml.WriteAttributeString("id", Num(i + 1));
            xml.WriteAttributeString("name", sheet.Headers[i]);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteRaw("""<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>""");
        xml.WriteEndElement();
    }

    private static void Workbook(XmlWriter xml, IReadOnlyList<XlsxSheet> sheets)
    {
        xml.WriteStartElement("workbook", MainNs);
        xml.WriteAttributeString("xmlns", "r", null, RelNs);
        xml.WriteRaw("""<bookViews><workbookView activeTab="0"/></bookViews>""");
        xml.WriteStartElement("sheets");
        for (var i = 0; i < sheets.Count; i++)
        {
            xml.WriteStartElement("sheet");
            xml.WriteAttributeString("name", sheets[i].Name);
            xml.WriteAttributeString("sheetId", Num(i + 1));
            xml.WriteAttributeString("id", RelNs, $"rId{i + 1}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        // The header row repeats at the top of every printed page.
        xml.WriteStartElement("definedNames");
        for (var i = 0; i < sheets.Count; i++)
        {
            xml.WriteStartElement("definedName");
            xml.WriteAttributeString("name", "_xlnm.Print_Titles");
            xml.WriteAttributeString("localSheetId", Num(i));
            xml.WriteString($"'{sheets[i].Name.Replace("'", "''", StringComparison.Ordinal)}'!$1:$1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WorkbookRelationships(XmlWriter xml, int sheetCount)
    {
        xml.WriteStartElement("Relationships", PackageRelNs);
        for (var i = 1; i <= sheetCount; i++)
        {
            Relationship(xml, $"rId{i}", $"{RelNs}/worksheet", $"worksheets/sheet{i}.xml");
        }
        Relationship(xml, "rIdStyles", $"{RelNs}/styles", "styles.xml");
        xml.WriteEndElement();
    }

    private static void SheetRelationships(XmlWriter xml, int n)
    {
        xml.WriteStartElement("Relationships", PackageRelNs);
        Relationship(xml, "rId1", $"{RelNs}/table", $"../tables/table{n}.xml");
        xml.WriteEndElement();
    }

    private static void RootRelationships(XmlWriter xml)
    {
        xml.WriteStartElement("Relationships", PackageRelNs);
        Relationship(xml, "rId1", $"{RelNs}/officeDocument", "xl/workbook.xml");
        Relationship(xml, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
        Relationship(xml, "rId3", $"{RelNs}/extended-properties", "docProps/app.xml");
        xml.WriteEndElement();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship");
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static void ContentTypes(XmlWriter xml, int sheetCount)
    {
        xml.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
        Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, "xml", "application/xml");
        Override(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        for (var i = 1; i <= sheetCount; i++)
        {
            Override(xml, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            Override(xml, $"/xl/tables/table{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml");
        }
        Override(xml, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        Override(xml, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        xml.WriteEndElement();

        static void Default(XmlWriter xml, string extension, string type)
        {
            xml.WriteStartElement("Default");
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        static void Override(XmlWriter xml, string part, string type)
        {
            xml.WriteStartElement("Override");
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    private static void CoreProperties(XmlWriter xml, XlsxProperties properties)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var created = properties.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        xml.WriteStartElement("cp", "coreProperties", cp);
        xml.WriteAttributeString("xmlns", "dc", null, dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        xml.WriteAttributeString("xmlns", "xsi", null, xsi);
        xml.WriteElementString("dc", "title", dc, XmlText.Clean(properties.Title));
        if (!string.IsNullOrEmpty(properties.Creator))
        {
            xml.WriteElementString("dc", "creator", dc, XmlText.Clean(properties.Creator));
            xml.WriteElementString("cp", "lastModifiedBy", cp, XmlText.Clean(properties.Creator));
        }
        foreach (var name in new[] { "created", "modified" })
        {
            xml.WriteStartElement("dcterms", name, dcterms);
            xml.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
            xml.WriteString(created);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void AppProperties(XmlWriter xml)
    {
        xml.WriteStartElement("Properties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
        xml.WriteElementString("Application", "SlaAdmin");
        xml.WriteEndElement();
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
