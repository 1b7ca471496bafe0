using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SlaAdmin.Features.Agreements.Workbook;

namespace SlaAdmin.Tests.AgreementWorkbook;

/// <summary>Excel offers to "repair" a file whose parts break the schema; the SDK's validator finds the same faults.</summary>
public sealed class OpenXmlValidityTests
{
    [Fact]
    public void Exported_workbook_passes_the_open_xml_validator()
    {
        Assert.Empty(Errors(SampleAgreement.Workbook()));
    }

    [Fact]
    public void Template_passes_the_open_xml_validator()
    {
        Assert.Empty(Errors(AgreementWorkbookExporter.Template("a")));
    }

    private static List<string> Errors(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        return [.. new OpenXmlValidator(FileFormatVersions.Office2013).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];
    }
}
