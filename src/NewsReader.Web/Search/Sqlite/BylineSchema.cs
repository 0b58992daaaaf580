namespace NewsReader.Search.Sqlite;

/// <summary>
/// Migration 8. The byline column of both indexes holds the bureau too ("bno" + "Taipei Bureau"), as the article page
/// shows them together: a reader who searches a word of the byline line finds the article. The triggers that write a
/// headline are replaced by ones that add the bureau and re-index when it changes, and articles with a bureau are
/// re-indexed once. <see cref="SearchSchema.Key"/> stays as it was.
/// This SQL has shipped as a migration: never edit it, add a new migration instead.
/// </summary>
public static class BylineSchema
{
    private static string Headline(string row) =>
        $"{row}.title, COALESCE({row}.byline, '') || COALESCE(' ' || {row}.bureau, ''), COALESCE((SELECT name FROM outlets WHERE id = {row}.outlet_id), '')";

    private static string IndexRow(string row) => $"""
        INSERT INTO search_index (rowid, title, byline, outlet, body, outlet_key)
        SELECT {SearchSchema.Key(row)}, {Headline(row)}, r.body_text, 'o' || COALESCE({row}.outlet_id, 0)
        FROM article_revisions r WHERE r.id = {row}.current_revision_id;
        """;

    private static string HeadlineRow(string row) => $"""
        INSERT INTO search_headlines (rowid, title, byline, outlet, outlet_key)
        SELECT {SearchSchema.Key(row)}, {Headline(row)}, 'o' || COALESCE({row}.outlet_id, 0)
        WHERE {row}.current_revision_id IS NOT NULL;
        """;

    // An article inserted live, or given its first revision: the row is new to the index, so nothing is deleted first.
    private static string NewRowTriggers(string index, string insert) => $"""
        CREATE TRIGGER {index}_after_article_insert AFTER INSERT ON articles
        WHEN new.current_revision_id IS NOT NULL
        BEGIN
            {insert}
        END;

        CREATE TRIGGER {index}_after_first_revision AFTER UPDATE OF current_revision_id ON articles
        WHEN old.current_revision_id IS NULL AND new.current_revision_id IS NOT NULL
        BEGIN
            {insert}
        END;
        """;

    private const string Changed = """
        old.current_revision_id IS NOT new.current_revision_id OR old.title IS NOT new.title OR old.byline IS NOT new.byline
          OR old.bureau IS NOT new.bureau OR old.outlet_id IS NOT new.outlet_id OR old.published_at IS NOT new.published_at
        """;

    public static readonly string Sql = $"""
        DROP TRIGGER search_index_after_article_insert;
        DROP TRIGGER search_index_after_first_revision;
        DROP TRIGGER search_index_after_article_update;
        DROP TRIGGER search_headlines_after_article_insert;
        DROP TRIGGER search_headlines_after_first_revision;
        DROP TRIGGER search_headlines_after_article_update;

        {NewRowTriggers("search_index", IndexRow("new"))}

        CREATE TRIGGER search_index_after_article_update AFTER UPDATE OF current_revision_id, title, byline, bureau, outlet_id, published_at ON articles
        WHEN old.current_revision_id IS NOT NULL AND ({Changed})
        BEGIN
            DELETE FROM search_index WHERE rowid = {SearchSchema.Key("old")};
            {IndexRow("new")}
        END;

        {NewRowTriggers("search_headlines", HeadlineRow("new"))}

        CREATE TRIGGER search_headlines_after_article_update AFTER UPDATE OF current_revision_id, title, byline, bureau, outlet_id, published_at ON articles
        WHEN old.current_revision_id IS NOT NULL AND ((new.current_revision_id IS NULL) OR {Changed})
        BEGIN
            DELETE FROM search_headlines WHERE rowid = {SearchSchema.Key("old")};
            {HeadlineRow("new")}
        END;

        -- Articles stored before: those with a bureau are indexed again, with it.
        DELETE FROM search_index WHERE rowid IN (SELECT {SearchSchema.Key("a")} FROM articles a WHERE a.bureau IS NOT NULL);
        DELETE FROM search_headlines WHERE rowid IN (SELECT {SearchSchema.Key("a")} FROM articles a WHERE a.bureau IS NOT NULL);
        INSERT INTO search_index (rowid, title, byline, outlet, body, outlet_key)
        SELECT {SearchSchema.Key("a")}, {Headline("a")}, r.body_text, 'o' || COALESCE(a.outlet_id, 0)
        FROM articles a JOIN article_revisions r ON r.id = a.current_revision_id WHERE a.bureau IS NOT NULL;
        INSERT INTO search_headlines (rowid, title, byline, outlet, outlet_key)
        SELECT {SearchSchema.Key("a")}, {Headline("a")}, 'o' || COALESCE(a.outlet_id, 0)
        FROM articles a WHERE a.bureau IS NOT NULL AND a.current_revision_id IS NOT NULL;
        """;
}
