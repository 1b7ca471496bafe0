namespace SlaAdmin.Data.Entities;

/// <summary>A catalogue entry.</summary>
public class EService
{
    public int Id { get; set; }
    public required string Title { get; set; }

    /// <summary>The 11-digit national service identifier, when known.</summary>
    public string? NationalId { get; set; }

    public int ProviderId { get; set; }
    public Organization Provider { get; set; } = null!;

    /// <summary>The kinds of recipient, as parties.</summary>
    public List<Organization> Recipients { get; } = [];

    /// <summary>The recipients as the agreement words them («شرکت‌ها و اشخاص حقیقی توسعه‌دهنده نرم‌افزار»).</summary>
    public string? RecipientsDescription { get; set; }

    public ServiceNature? Nature { get; set; }
    public ServiceTypes Types { get; set; }
    public ServiceLevel Level { get; set; }
    public string? ServiceDeskUrl { get; set; }
    public ServiceStatus Status { get; set; }

    /// <summary>Folded title, id and provider, for search; kept by the save interceptor.</summary>
    public string SearchText { get; set; } = "";

    public Agreement? Agreement { get; set; }
}
