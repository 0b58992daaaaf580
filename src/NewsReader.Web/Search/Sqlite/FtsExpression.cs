using System.Globalization;
using System.Text;

namespace NewsReader.Search.Sqlite;

/// <summary>Writes parsed terms as FTS5 syntax. Only this class writes the syntax; reader text only ever appears inside "...".</summary>
public static class FtsExpression
{
    /// <summary>
    /// The whole query. With <paramref name="strongOnly"/> the words must be in the title or byline (the exclusions still
    /// apply everywhere); with an outlet id only that outlet's articles match.
    /// </summary>
    public static string Build(IReadOnlyList<IReadOnlyList<SearchTerm>> groups, IReadOnlyList<SearchTerm> exclusions, bool strongOnly = false, long? outletId = null)
    {
        var sb = new StringBuilder();
        foreach (var group in groups)
        {
            sb.Append(sb.Length > 0 ? " AND " : "");
            if (group.Count == 1)
            {
                AppendTerm(sb, group[0]);
                continue;
            }

            sb.Append('(');
            for (var i = 0; i < group.Count; i++)
            {
                sb.Append(i == 0 ? "" : " OR ");
                AppendTerm(sb, group[i]);
            }

            sb.Append(')');
        }

        if (strongOnly)
        {
            sb.Insert(0, "{title byline} : (").Append(')');
        }

        if (exclusions.Count > 0)
        {
            sb.Insert(0, '(').Append(')');
            foreach (var term in exclusions)
            {
                sb.Append(" NOT ");
                AppendTerm(sb, term);
            }
        }

        if (outletId is { } id)
        {
            sb.Insert(0, '(').Append(") AND outlet_key : \"o").Append(id.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        return sb.ToString();
    }

    private static void AppendTerm(StringBuilder sb, SearchTerm term)
    {
        var column = term.Field switch
        {
            SearchField.Title => "title : ",
            SearchField.Author => "byline : ",
            SearchField.Source => "outlet : ",
            _ => "",
        };
        sb.Append(column).Append('"').Append(term.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        if (term.IsPrefix)
        {
            sb.Append(" *");
        }
    }
}
