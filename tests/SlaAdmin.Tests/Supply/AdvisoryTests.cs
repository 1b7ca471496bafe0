namespace SlaAdmin.Tests.Supply;

public class AdvisoryTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void No_package_the_web_project_resolves_is_below_its_safe_version()
    {
        var assetsPath = Path.Combine(Root, "src", "SlaAdmin.Web", "obj", "project.assets.json");
        Assert.True(File.Exists(assetsPath), $"{assetsPath} is missing: restore the web project first.");
        var advisories = AdvisoryCheck.ReadList(Path.Combine(Root, "tests", "advisories.txt"));

        var findings = AdvisoryCheck.Findings(File.ReadAllText(assetsPath), advisories);

        Assert.NotEmpty(advisories);
        Assert.Contains(AdvisoryCheck.ResolvedPackages(File.ReadAllText(assetsPath)), p => p.Name == "System.Drawing.Common");
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("4.7.0", true)]
    [InlineData("4.7.2", false)]
    [InlineData("5.0.2", true)]
    [InlineData("5.0.3", false)]
    [InlineData("8.0.30", false)]
    public void The_check_flags_system_drawing_common_exactly_inside_the_vulnerable_ranges(string version, bool flagged)
    {
        var assets = $$"""{ "libraries": { "System.Drawing.Common/{{version}}": { "type": "package" }, "SlaAdmin.Web/1.0.0": { "type": "project" } } }""";

        var findings = AdvisoryCheck.Findings(assets, AdvisoryCheck.ReadList(Path.Combine(Root, "tests", "advisories.txt")));

        Assert.Equal(flagged, findings.Any(f => f.Contains("CVE-2021-24112", StringComparison.Ordinal)));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaAdmin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SlaAdmin.sln not found above " + AppContext.BaseDirectory);
    }
}
