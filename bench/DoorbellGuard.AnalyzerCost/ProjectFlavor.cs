namespace DoorbellGuard.AnalyzerCost;

/// <summary>Which kind of project to generate.</summary>
internal enum ProjectFlavor
{
    /// <summary>References DoorbellGuard; about half the methods ring a doorbell.</summary>
    DoorbellHeavy,

    /// <summary>
    /// References DoorbellGuard, as a user of the package would, but about one method in a hundred uses a doorbell:
    /// a small submission class in every twentieth file, ordinary code everywhere else.
    /// </summary>
    Typical,

    /// <summary>The same code with DoorbellGuard's names renamed to a look-alike local API: the analyzer must bail out.</summary>
    WithoutDoorbellGuard,
}

/// <summary>How the variants are named in the harness's output and on disk.</summary>
internal static class ProjectFlavorNames
{
    public static string DisplayName(this ProjectFlavor flavor) => flavor switch
    {
        ProjectFlavor.DoorbellHeavy => "doorbell-heavy",
        ProjectFlavor.Typical => "typical",
        _ => "without DoorbellGuard",
    };

    /// <summary>A folder name: the display name without spaces.</summary>
    public static string FolderName(this ProjectFlavor flavor) => flavor.DisplayName().Replace(' ', '-');

    /// <summary>Whether the variant references DoorbellGuard, so that the analyzer has work to do.</summary>
    public static bool ReferencesDoorbellGuard(this ProjectFlavor flavor) => flavor != ProjectFlavor.WithoutDoorbellGuard;
}
