namespace SlaAdmin.Data.Entities;

/// <summary>What kind of party an <see cref="Organization"/> is.</summary>
public enum OrganizationKind
{
    ExecutiveAgency,
    Company,
    NaturalPerson,
    Citizen,
    GovernmentUnit,
}

public enum ServiceNature
{
    Sovereign,
    Operational,
}

[Flags]
public enum ServiceTypes
{
    None = 0,
    G2C = 1,
    G2B = 2,
    G2G = 4,
}

public enum ServiceLevel
{
    National,
    Provincial,
    Local,
}

public enum ServiceStatus
{
    Active,
    Inactive,
    Planned,
}

/// <summary>
/// A version's stored stage. «Expired» is not stored: it is computed from the validity
/// (<see cref="Validity.IsExpired"/>), so a published agreement reads as expired the day after its end.
/// </summary>
public enum AgreementStatus
{
    Draft,
    InReview,
    Approved,
    Published,
    Superseded,
}

/// <summary>
/// The template's sections; the enum order is the template's order, which numbers the sections
/// present. Definitions come before the legal basis, as in the one agreement that has them (004).
/// </summary>
public enum SectionKind
{
    Introduction,
    Objective,
    Definitions,
    Responsibility,
    Obligations,
    Data,
    Costs,
    DisputeResolution,
    Performance,
    Termination,
    Appendix,
}

public enum ObligationSide
{
    Provider,
    Recipient,
}

/// <summary>A side of a data exchange: متقاضی, سازمان, دستگاه اجرایی.</summary>
public enum DataParty
{
    Applicant,
    Organization,
    ExecutiveAgency,
}

public enum StorageLevel
{
    Full,
    Partial,
    None,
}

public enum PublicationScope
{
    Organization,
    Public,
    NotPublished,
}

public enum CostType
{
    Provision,
    Support,
    Other,
}

[Flags]
public enum PaymentChannels
{
    None = 0,
    Online = 1,
    Manual = 2,
}
