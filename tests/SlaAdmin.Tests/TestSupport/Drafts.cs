using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;

namespace SlaAdmin.Tests.TestSupport;

/// <summary>Arranges versions beside the seeded one the way editors will: a copy of the version in force, then changed.</summary>
public static class Drafts
{
    /// <summary>
    /// Starts the working version of an agreement: a copy of its version in force (clause identities
    /// kept), changed by <paramref name="change"/>, numbered after the last, with the given status
    /// (a draft unless said otherwise). Returns the new version's id.
    /// </summary>
    public static async Task<int> StartAsync(IDbContextFactory<SlaDbContext> factory, int agreementId,
        Func<AgreementContent, AgreementContent>? change = null, AgreementStatus status = AgreementStatus.Draft)
    {
        await using var db = await factory.CreateDbContextAsync();
        var agreement = await db.Agreements.SingleAsync(a => a.Id == agreementId);
        var inForce = await AgreementStore.WithEverything(db.AgreementVersions).SingleAsync(v => v.Id == agreement.InForceVersionId);
        var last = await db.AgreementVersions.Where(v => v.AgreementId == agreementId).MaxAsync(v => v.Number);
        var content = AgreementContent.Of(inForce);
        var draft = (change ?? (c => c))(content).ToVersion(last + 1, status);
        draft.AgreementId = agreementId;

        // A version and its agreement cannot point at each other in one insert.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.AgreementVersions.Add(draft);
        await db.SaveChangesAsync();
        agreement.WorkingVersionId = draft.Id;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return draft.Id;
    }

    /// <summary>The same content with the first provider obligation reworded.</summary>
    public static AgreementContent RewordFirstProviderObligation(AgreementContent content, string text) => content with
    {
        Obligations = [.. content.Obligations.Select((o, i) => i == 0 ? o with { Text = text } : o)],
    };
}
