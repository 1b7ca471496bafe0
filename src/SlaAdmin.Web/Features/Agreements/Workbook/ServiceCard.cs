using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Agreements.Workbook;

/// <summary>
/// The national service card facts the workbook's summary carries (title, provider and recipient groups
/// aside). Every fact may be unknown (null). An import writes them to a new service; for an existing
/// service it only fills facts the service does not know yet (docs/decisions/0006-workbook-and-service-card.md).
/// </summary>
public sealed record ServiceCard
{
    /// <summary>11 Latin digits.</summary>
    public string? NationalId { get; init; }
    public string? ProviderUnit { get; init; }
    public ServiceNature? Nature { get; init; }
    public ServiceTypes? Types { get; init; }
    public ServiceLevel? Level { get; init; }
    public ServiceStatus? Status { get; init; }
    public string? Definition { get; init; }
    public string? InteractionChannels { get; init; }
    public string? WebAddress { get; init; }
    public string? RequestSteps { get; init; }
    public string? ReportingAndReview { get; init; }
    public string? ServiceDeskUrl { get; init; }

    public static ServiceCard Of(EService s) => new()
    {
        NationalId = s.NationalId,
        ProviderUnit = AgreementContent.Clean(s.ProviderUnit),
        Nature = s.Nature,
        Types = s.Types is ServiceTypes.None ? null : s.Types,
        Level = s.Level,
        Status = s.Status,
        Definition = AgreementContent.Clean(s.Definition),
        InteractionChannels = AgreementContent.Clean(s.InteractionChannels),
        WebAddress = AgreementContent.Clean(s.WebAddress),
        RequestSteps = AgreementContent.Clean(s.RequestSteps),
        ReportingAndReview = AgreementContent.Clean(s.ReportingAndReview),
        ServiceDeskUrl = AgreementContent.Clean(s.ServiceDeskUrl),
    };

    /// <summary>
    /// Writes the facts this card knows into <paramref name="service"/> where the service does not know
    /// them; a fact the service knows is never touched (the caller has refused a differing one).
    /// </summary>
    public void FillUnknownOf(EService service)
    {
        service.NationalId ??= NationalId;
        service.ProviderUnit ??= ProviderUnit;
        service.Nature ??= Nature;
        if (service.Types is null or ServiceTypes.None && Types is not null) service.Types = Types;
        service.Level ??= Level;
        service.Status ??= Status;
        service.Definition ??= Definition;
        service.InteractionChannels ??= InteractionChannels;
        service.WebAddress ??= WebAddress;
        service.RequestSteps ??= RequestSteps;
        service.ReportingAndReview ??= ReportingAndReview;
        service.ServiceDeskUrl ??= ServiceDeskUrl;
    }
}
