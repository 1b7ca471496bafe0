using SlaAdmin.Data.Entities;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements.Editing;

/// <summary>One running text of the content that a <see cref="ProseEditor"/> edits: how to read it, how to write it, and its clause if it has one.</summary>
public sealed record ProseField(string Key, string Label, Func<AgreementContent, string?> Read, Func<AgreementContent, string, AgreementContent> Write, Func<AgreementContent, Guid?> Clause)
{
    /// <summary>The body of a section: introduction, objective, dispute resolution, termination, the text above a table…</summary>
    public static ProseField Section(SectionKind kind, string? label = null) => new(
        $"section-{kind}",
        label ?? $"متن بخش «{Labels.Of(kind)}»",
        c => c.SectionOf(kind)?.Body,
        (c, text) => c with { Sections = [.. c.Sections.Select(s => s.Kind == kind ? s with { Body = text } : s)] },
        c => c.SectionOf(kind)?.Clause);

    /// <summary>The sentence that introduces one side's obligations.</summary>
    public static ProseField ObligationsIntro(ObligationSide side) => new(
        $"intro-{side}",
        $"جمله آغاز تعهدات {Labels.Of(side)}",
        c => side == ObligationSide.Provider ? c.ProviderObligationsIntro : c.RecipientObligationsIntro,
        (c, text) => side == ObligationSide.Provider ? c with { ProviderObligationsIntro = text } : c with { RecipientObligationsIntro = text },
        _ => null);
}
