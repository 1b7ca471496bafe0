namespace SlaAdmin.Data.Entities;

/// <summary>
/// A catalogue entry: the national service card. Title and provider are required; every other fact
/// may be unknown (null) and is then shown as «نامشخص», never as a default.
/// </summary>
public class EService
{
    public int Id { get; set; }
    public required string Title { get; set; }

    /// <summary>The 11-digit national service identifier (Latin digits), when known.</summary>
    public string? NationalId { get; set; }

    public int ProviderId { get; set; }
    public Organization Provider { get; set; } = null!;

    /// <summary>The unit of the provider that delivers the service («مرکز ملی تبادل اطلاعات»).</summary>
    public string? ProviderUnit { get; set; }

    /// <summary>The recipient groups, as parties.</summary>
    public List<Organization> Recipients { get; } = [];

    public ServiceNature? Nature { get; set; }
    public ServiceTypes? Types { get; set; }
    public ServiceLevel? Level { get; set; }
    public ServiceStatus? Status { get; set; }

    /// <summary>The service definition of the national card.</summary>
    public string? Definition { get; set; }

    /// <summary>How the recipient interacts with the service (portal, mobile app, counter).</summary>
    public string? InteractionChannels { get; set; }

    public string? WebAddress { get; set; }

    /// <summary>The request steps (electronic, in person), as worded.</summary>
    public string? RequestSteps { get; set; }

    /// <summary>How reporting and review of the service happen.</summary>
    public string? ReportingAndReview { get; set; }

    public string? ServiceDeskUrl { get; set; }

    /// <summary>Folded title and identifier, for search; kept by the save interceptor.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Optimistic concurrency token, renewed on every save by the interceptor.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>When the service left the catalogue; a retired service keeps its agreements' history and is never deleted.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    public string? RetiredBy { get; set; }

    public Agreement? Agreement { get; set; }
}
