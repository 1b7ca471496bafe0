namespace SlaAdmin.Auth;

/// <summary>The three roles; Entra app roles carry the same names.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string LegalReviewer = nameof(LegalReviewer);
    public const string Viewer = nameof(Viewer);

    public static IReadOnlyList<string> All { get; } = [Administrator, LegalReviewer, Viewer];
}

/// <summary>Authorization policies, defined once in <see cref="AuthSetup"/>.</summary>
public static class Policies
{
    /// <summary>Any signed-in staff member: read and export.</summary>
    public const string CanRead = nameof(CanRead);

    /// <summary>Edit the catalogue and agreements, import workbooks.</summary>
    public const string CanEdit = nameof(CanEdit);

    /// <summary>Comment on clauses, approve or send back.</summary>
    public const string CanReview = nameof(CanReview);
}
