namespace SlaAdmin.Data.Entities;

/// <summary>
/// A party: a providing agency, a kind of recipient, or a unit such as a ministry, with the
/// organization above it (a state company under its ministry, a directorate under its ministry).
/// </summary>
public class Organization
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public OrganizationKind Kind { get; set; }
    public string SearchText { get; set; } = "";

    public int? ParentId { get; set; }
    public Organization? Parent { get; set; }
    public List<Organization> Children { get; } = [];

    public List<EService> ProvidedServices { get; } = [];
    public List<EService> ReceivedServices { get; } = [];
}
