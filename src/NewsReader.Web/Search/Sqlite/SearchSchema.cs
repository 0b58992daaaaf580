namespace NewsReader.Search.Sqlite;

/// <summary>
/// Migration 2. One index row per article holding its live text. The rowid is the publication day (days since
/// 1970, 0 when undated) times 2^32 plus the article id, so FTS5 walks matches newest first: sorting by date, date
/// filters and "the newest N matches" cost no lookups. Triggers on <c>articles</c> keep it in step, so ingestion,
/// corrections and any future writer update it without calling search.
/// This SQL has shipped as a migration: never edit it, add a new migration instead.
/// </summary>
public static class SearchSchema
{
    /// <summary>
    /// The index rowid of the articles row named <paramref name="row"/> ("new", "old" or an alias), as the summary above
    /// describes it; <see cref="SearchKeys"/> computes the same in C#. Written once here, for every trigger of every index.
    /// </summary>
    internal static string Key(string row) =>
        $"MAX(0, COALESCE(CAST(julianday(substr({row}.published_at, 1, 10)) - 2440587.5 AS INTEGER), 0)) * 4294967296 + {row}.id";

    /// <summary>The title, byline and outlet name columns of the articles row named <paramref name="row"/>.</summary>
    internal static string Headline(string row) =>
        $"{row}.title, COALESCE({row}.byline, ''), COALESCE((SELECT name FROM outlets WHERE id = {row}.outlet_id), '')";

    public static readonly string Sql = $"""
        -- porter stems ("running" finds "run"); remove_diacritics 2 folds accents ("cafe" finds "Café").
        -- outlet_key holds one token, "o" + outlet id, so the outlet filter is an exact FTS5 term.
        -- Contentless: the text already lives in article_revisions and snippets are cut from there, so the index keeps
        -- no second copy; contentless_delete lets the triggers remove a row by rowid alone.
        CREATE VIRTUAL TABLE search_index USING fts5(
            title, byline, outlet, body, outlet_key,
            content = '', contentless_delete = 1,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );

        CREATE TRIGGER search_index_after_article_insert AFTER INSERT ON articles
        WHEN new.current_revision_id IS NOT NULL
        BEGIN
            INSERT INTO search_index (rowid, title, byline, outlet, body, outlet_key)
            SELECT {Key("new")},
                   {Headline("new")}, r.body_text,
                   'o' || COALESCE(new.outlet_id, 0)
            FROM article_revisions r WHERE r.id = new.current_revision_id;
        END;

        -- Only a change readers would search for re-indexes the row; ingestion's bookkeeping updates do not.
        CREATE TRIGGER search_index_after_article_update AFTER UPDATE OF current_revision_id, title, byline, outlet_id, published_at ON articles
        WHEN old.current_revision_id IS NOT new.current_revision_id OR old.title IS NOT new.title
          OR old.byline IS NOT new.byline OR old.outlet_id IS NOT new.outlet_id OR old.published_at IS NOT new.published_at
        BEGIN
            DELETE FROM search_index
            WHERE rowid = {Key("old")};
            INSERT INTO search_index (rowid, title, byline, outlet, body, outlet_key)
            SELECT {Key("new")},
                   {Headline("new")}, r.body_text,
                   'o' || COALESCE(new.outlet_id, 0)
            FROM article_revisions r WHERE r.id = new.current_revision_id;
        END;

        CREATE TRIGGER search_index_after_article_delete AFTER DELETE ON articles
        BEGIN
            DELETE FROM search_index
            WHERE rowid = {Key("old")};
        END;

        -- Articles stored before search existed.
        INSERT INTO search_index (rowid, title, byline, outlet, body, outlet_key)
        SELECT {Key("a")},
               a.title, COALESCE(a.byline, ''), COALESCE(o.name, ''), r.body_text, 'o' || COALESCE(a.outlet_id, 0)
        FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id LEFT JOIN outlets o ON o.id = a.outlet_id;
        """;
}
