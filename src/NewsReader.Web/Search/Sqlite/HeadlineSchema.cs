namespace NewsReader.Search.Sqlite;

/// <summary>
/// Migration 4. A second, small index of each article's title, byline and outlet, keyed like <see cref="SearchSchema"/>:
/// relevance looks past the newest matches for older articles with the words in their headline, and in the full index
/// that search reads the positions of every body holding the words, here only a dozen words per article.
/// Also: ingestion inserts an article, then points it at its first revision. The update trigger deleted the article's
/// index row before writing it, though a new article has none, and the delete still cost FTS5 a lookup (about 12 % of
/// the ingestion writer's time), so each index gets a trigger for a first revision that only inserts.
/// This SQL has shipped as a migration: never edit it, add a new migration instead.
/// </summary>
public static class HeadlineSchema
{
    public static readonly string Sql = $"""
        DROP TRIGGER search_index_after_article_update;

        CREATE TRIGGER search_index_after_first_revision AFTER UPDATE OF current_revision_id ON articles
        WHEN old.current_revision_id IS NULL AND new.current_revision_id IS NOT NULL
        BEGIN
            INSERT INTO search_index (rowid, title, byline, outlet, body, outlet_key)
            SELECT {SearchSchema.Key("new")},
                   {SearchSchema.Headline("new")}, r.body_text,
                   'o' || COALESCE(new.outlet_id, 0)
            FROM article_revisions r WHERE r.id = new.current_revision_id;
        END;

        -- Only a change readers would search for re-indexes the row; ingestion's bookkeeping updates do not.
        CREATE TRIGGER search_index_after_article_update AFTER UPDATE OF current_revision_id, title, byline, outlet_id, published_at ON articles
        WHEN old.current_revision_id IS NOT NULL AND (old.current_revision_id IS NOT new.current_revision_id OR old.title IS NOT new.title
          OR old.byline IS NOT new.byline OR old.outlet_id IS NOT new.outlet_id OR old.published_at IS NOT new.published_at)
        BEGIN
            DELETE FROM search_index
            WHERE rowid = {SearchSchema.Key("old")};
            INSERT INTO search_index (rowid, title, byline, outlet, body, outlet_key)
            SELECT {SearchSchema.Key("new")},
                   {SearchSchema.Headline("new")}, r.body_text,
                   'o' || COALESCE(new.outlet_id, 0)
            FROM article_revisions r WHERE r.id = new.current_revision_id;
        END;

        CREATE VIRTUAL TABLE search_headlines USING fts5(
            title, byline, outlet, outlet_key,
            content = '', contentless_delete = 1,
            tokenize = 'porter unicode61 remove_diacritics 2'
        );

        CREATE TRIGGER search_headlines_after_article_insert AFTER INSERT ON articles
        WHEN new.current_revision_id IS NOT NULL
        BEGIN
            INSERT INTO search_headlines (rowid, title, byline, outlet, outlet_key)
            VALUES ({SearchSchema.Key("new")},
                    {SearchSchema.Headline("new")},
                    'o' || COALESCE(new.outlet_id, 0));
        END;

        CREATE TRIGGER search_headlines_after_first_revision AFTER UPDATE OF current_revision_id ON articles
        WHEN old.current_revision_id IS NULL AND new.current_revision_id IS NOT NULL
        BEGIN
            INSERT INTO search_headlines (rowid, title, byline, outlet, outlet_key)
            VALUES ({SearchSchema.Key("new")},
                    {SearchSchema.Headline("new")},
                    'o' || COALESCE(new.outlet_id, 0));
        END;

        CREATE TRIGGER search_headlines_after_article_update AFTER UPDATE OF current_revision_id, title, byline, outlet_id, published_at ON articles
        WHEN old.current_revision_id IS NOT NULL AND ((new.current_revision_id IS NULL) OR old.title IS NOT new.title
          OR old.byline IS NOT new.byline OR old.outlet_id IS NOT new.outlet_id OR old.published_at IS NOT new.published_at)
        BEGIN
            DELETE FROM search_headlines
            WHERE rowid = {SearchSchema.Key("old")};
            INSERT INTO search_headlines (rowid, title, byline, outlet, outlet_key)
            SELECT {SearchSchema.Key("new")},
                   {SearchSchema.Headline("new")},
                   'o' || COALESCE(new.outlet_id, 0)
            WHERE new.current_revision_id IS NOT NULL;
        END;

        CREATE TRIGGER search_headlines_after_article_delete AFTER DELETE ON articles
        BEGIN
            DELETE FROM search_headlines
            WHERE rowid = {SearchSchema.Key("old")};
        END;

        INSERT INTO search_headlines (rowid, title, byline, outlet, outlet_key)
        SELECT {SearchSchema.Key("a")},
               a.title, COALESCE(a.byline, ''), COALESCE(o.name, ''), 'o' || COALESCE(a.outlet_id, 0)
        FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
        WHERE a.current_revision_id IS NOT NULL;
        """;
}
