using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Persian;

namespace SlaAdmin.Data.Seeds;

/// <summary>Fills the clause library with the template's standard clauses, once, while it is empty.</summary>
internal static class SeedLibrary
{
    public static async Task EnsureSeededAsync(SlaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.LibraryClauses.AnyAsync(cancellationToken)) return;
        db.LibraryClauses.AddRange(StandardClauses.Library.Select(c => new LibraryClause
        {
            Kind = c.Kind,
            Title = c.Title,
            Text = c.Text,
            SearchText = PersianText.Fold($"{c.Title} {c.Text}"),
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
