using System.Text.Json;

namespace SlaAdmin.Tests.Supply;

/// <summary>One line of tests/advisories.txt: versions from <see cref="From"/> up to, not including, <see cref="Fixed"/>.</summary>
internal sealed record Advisory(string Package, Version From, Version Fixed, string Id);

/// <summary>Compares the packages NuGet resolved (project.assets.json) with the checked-in advisory list.</summary>
internal static class AdvisoryCheck
{
    public static IReadOnlyList<Advisory> ReadList(string path) =>
        File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new Advisory(f[0], Parse(f[1]), Parse(f[2]), f[3]))
            .ToList();

    /// <summary>Every resolved package (name, version) of the assets file, transitive ones included.</summary>
    public static IEnumerable<(string Name, string Version)> ResolvedPackages(string assetsJson)
    {
        using var assets = JsonDocument.Parse(assetsJson);
        foreach (var library in assets.RootElement.GetProperty("libraries").EnumerateObject())
        {
            if (library.Value.GetProperty("type").GetString() != "package") continue;
            var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
            yield return (library.Name[..slash], library.Name[(slash + 1)..]);
        }
    }

    /// <summary>«Package version: advisory (fixed in x)» for each resolved package inside a listed range.</summary>
    public static IReadOnlyList<string> Findings(string assetsJson, IReadOnlyList<Advisory> advisories) =>
        ResolvedPackages(assetsJson)
            .SelectMany(p => advisories
                .Where(a => string.Equals(a.Package, p.Name, StringComparison.OrdinalIgnoreCase))
                .Where(a => Parse(p.Version) >= a.From && Parse(p.Version) < a.Fixed)
                .Select(a => $"{p.Name} {p.Version}: {a.Id} (fixed in {a.Fixed})"))
            .ToList();

    // NuGet versions are up to four numbers and an optional «-prerelease»; a prerelease counts as its release here.
    private static Version Parse(string text)
    {
        var numbers = text.Split('-', '+')[0];
        if (!numbers.Contains('.', StringComparison.Ordinal)) numbers += ".0";
        return Version.Parse(numbers);
    }
}
