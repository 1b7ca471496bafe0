using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;

namespace SlaAdmin.Features.Review;

/// <summary>One agreement in force that uses a library clause: word for word, or drifted (with the words that differ).</summary>
public sealed record ClauseUse(int AgreementId, string ServiceTitle, int VersionNumber, bool Same, double Similarity, IReadOnlyList<WordRun> Words);

/// <summary>A library clause and the agreements in force that use it.</summary>
public sealed record LibraryEntry(int Id, LibraryClauseKind Kind, string Title, string Text, IReadOnlyList<ClauseUse> Uses);

/// <summary>
/// The clause library and where each clause is used. An agreement uses a clause when one of its clauses
/// of the same kind says the same words (folded), or is at least <see cref="DriftThreshold"/> similar
/// once the standard text has the agreement's own names filled in (a drifted copy).
/// </summary>
public sealed class ClauseLibrary(IDbContextFactory<SlaDbContext> dbFactory)
{
    public const double DriftThreshold = 0.6;

    public async Task<IReadOnlyList<LibraryEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clauses = await db.LibraryClauses.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var inForce = await AgreementStore.WithEverything(db.AgreementVersions.Where(v => v.Id == v.Agreement.InForceVersionId))
            .ToListAsync(cancellationToken);
        var agreements = inForce.OrderBy(v => v.AgreementId).Select(v => (Version: v, Content: AgreementContent.Of(v))).ToList();
        return [.. clauses.Select(c => new LibraryEntry(c.Id, c.Kind, c.Title, c.Text,
            [.. agreements.Select(a => UseIn(c, a.Version, a.Content)).OfType<ClauseUse>()]))];
    }

    /// <summary>How the agreement uses the clause: its closest clause of the same kind, if close enough; null if none is.</summary>
    public static ClauseUse? UseIn(LibraryClause clause, AgreementVersion version, AgreementContent content)
    {
        var standard = StandardClauses.Fill(clause.Text, content.ServiceTitle, content.ProviderName, content.RecipientsDescription);
        var best = Candidates(clause.Kind, content)
            .Select(text => (Text: text, Same: WordDiff.SameWords(clause.Text, text) || WordDiff.SameWords(standard, text), Similarity: WordDiff.Similarity(standard, text)))
            .OrderByDescending(c => c.Same).ThenByDescending(c => c.Similarity)
            .FirstOrDefault();
        if (best.Text is null || (!best.Same && best.Similarity < DriftThreshold)) return null;
        return new ClauseUse(version.AgreementId, content.ServiceTitle, version.Number, best.Same, best.Same ? 1 : best.Similarity,
            best.Same ? [] : WordDiff.Compare(standard, best.Text));
    }

    // The template puts the «new agreement next period» wording under performance; some agreements keep it under termination.
    private static IEnumerable<string> Candidates(LibraryClauseKind kind, AgreementContent content) => kind switch
    {
        LibraryClauseKind.ProviderObligation => content.ObligationsOf(ObligationSide.Provider).Select(o => o.Text),
        LibraryClauseKind.RecipientObligation => content.ObligationsOf(ObligationSide.Recipient).Select(o => o.Text),
        LibraryClauseKind.DisputeResolution => Bodies(content, SectionKind.DisputeResolution),
        LibraryClauseKind.Termination => Bodies(content, SectionKind.Performance, SectionKind.Termination),
        _ => [],
    };

    private static IEnumerable<string> Bodies(AgreementContent content, params SectionKind[] kinds) =>
        kinds.Select(content.SectionOf).Where(s => s is not null && !string.IsNullOrWhiteSpace(s.Body)).Select(s => s!.Body);
}
