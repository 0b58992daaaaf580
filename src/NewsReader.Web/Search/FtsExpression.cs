using System.Text;

namespace NewsReader.Search;

/// <summary>Writes parsed terms as FTS5 syntax. Only this class writes the syntax; reader text only ever appears inside "...".</summary>
public static class FtsExpression
{
    public static string Build(IReadOnlyList<IReadOnlyList<SearchTerm>> groups, IReadOnlyList<SearchTerm> exclusions)
    {
        var sb = new StringBuilder();
        foreach (var group in groups)
        {
            if (sb.Length > 0)
            {
                sb.Append(" AND ");
            }

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

        if (exclusions.Count > 0)
        {
            sb.Insert(0, '(').Append(')');
            foreach (var term in exclusions)
            {
                sb.Append(" NOT ");
                AppendTerm(sb, term);
            }
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
