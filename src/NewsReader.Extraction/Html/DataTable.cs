using AngleSharp.Dom;

namespace NewsReader.Extraction.Html;

/// <summary>Tells a table of data (results, figures) from a table used for layout, and reads its rows.</summary>
public static class DataTable
{
    private const int MaxCellLength = 1000;

    public static bool IsData(IElement table)
    {
        if (string.Equals(table.GetAttribute("role"), "presentation", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rows = 0;
        var maxCells = 0;
        foreach (var e in Dom.Elements(table))
        {
            switch (e.LocalName)
            {
                case "table" when e != table:
                    return false;
                case "tr":
                    rows++;
                    maxCells = Math.Max(maxCells, e.Children.Count(c => c.LocalName is "td" or "th"));
                    break;
                case "td" or "th" when Dom.TextOf(e, MaxCellLength).Length >= MaxCellLength:
                    return false; // A cell holding a whole article is layout.
            }
        }

        return rows >= 1 && maxCells >= 2;
    }

    public static (string Caption, List<List<string>> Rows) Read(IElement table)
    {
        var caption = "";
        var rows = new List<List<string>>();
        foreach (var e in Dom.Elements(table))
        {
            if (e.LocalName == "caption")
            {
                caption = Dom.TextOf(e);
            }
            else if (e.LocalName == "tr")
            {
                var cells = e.Children.Where(c => c.LocalName is "td" or "th").Select(c => Dom.TextOf(c)).ToList();
                if (cells.Any(c => c.Length > 0))
                {
                    rows.Add(cells);
                }
            }
        }

        return (caption, rows);
    }
}
