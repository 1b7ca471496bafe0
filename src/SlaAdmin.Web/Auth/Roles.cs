namespace SlaAdmin.Auth;

/// <summary>The three roles; Entra app roles carry the same names.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string LegalReviewer = nameof(LegalReviewer);
    public const string Viewer = nameof(Viewer);

    public static IReadOnlyList<string> All { get; } = [Administrator, LegalReviewer, Viewer];

    /// <summary>The role's name as written here, or null when <paramref name="value"/> is not one of ours.</summary>
    public static string? Find(string? value) =>
        All.FirstOrDefault(r => string.Equals(r, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The role's Persian label for the UI.</summary>
    public static string Label(string role) => role switch
    {
        Administrator => "مدیر سامانه",
        LegalReviewer => "کارشناس حقوقی",
        Viewer => "بیننده",
        _ => role,
    };
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

    /// <summary>See the local accounts, change their roles, unlock them.</summary>
    public const string ManageUsers = nameof(ManageUsers);
}
