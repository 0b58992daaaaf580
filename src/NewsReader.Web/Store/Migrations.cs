namespace NewsReader.Store;

/// <summary>
/// The schema, as an ordered, append-only list: the schema version is the number of migrations applied.
/// Never edit a migration that has shipped; add a new one at the end.
/// </summary>
public static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "core: outlets, articles, revisions, source files, ingestion log", """
            CREATE TABLE outlets (
                id          INTEGER PRIMARY KEY,
                slug        TEXT NOT NULL UNIQUE,
                name        TEXT NOT NULL UNIQUE COLLATE NOCASE
            );

            CREATE TABLE articles (
                id                  INTEGER PRIMARY KEY,
                slug                TEXT NOT NULL UNIQUE,
                outlet_id           INTEGER REFERENCES outlets(id),
                current_revision_id INTEGER,
                title               TEXT NOT NULL,
                byline              TEXT,
                bureau              TEXT,
                published_at        TEXT,
                updated_at          TEXT,
                canonical_url       TEXT,
                language            TEXT,
                excerpt             TEXT NOT NULL DEFAULT '',
                word_count          INTEGER NOT NULL DEFAULT 0,
                content_hash        TEXT,
                created_at          TEXT NOT NULL,
                -- 1 once every source file of the article has disappeared from the seeds folder.
                source_missing      INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_articles_published ON articles(published_at DESC, id DESC);
            CREATE INDEX ix_articles_outlet ON articles(outlet_id, published_at DESC);
            CREATE INDEX ix_articles_canonical ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
            CREATE INDEX ix_articles_content_hash ON articles(content_hash);

            CREATE TABLE article_authors (
                article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position    INTEGER NOT NULL,
                name        TEXT NOT NULL,
                PRIMARY KEY (article_id, position)
            );
            CREATE INDEX ix_article_authors_name ON article_authors(name);

            CREATE TABLE source_files (
                id              INTEGER PRIMARY KEY,
                path            TEXT NOT NULL UNIQUE,
                article_id      INTEGER REFERENCES articles(id),
                sha256          TEXT NOT NULL,
                size_bytes      INTEGER NOT NULL,
                format          TEXT NOT NULL,
                parser_version  TEXT NOT NULL,
                file_mtime      INTEGER NOT NULL DEFAULT 0,
                ingested_at     TEXT NOT NULL,
                dropped_json    TEXT NOT NULL DEFAULT '[]',
                warnings_json   TEXT NOT NULL DEFAULT '[]',
                missing         INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_source_files_article ON source_files(article_id);

            -- Every text the article has had. status: live (shown), superseded (kept forever), pending (awaits an editor).
            CREATE TABLE article_revisions (
                id              INTEGER PRIMARY KEY,
                article_id      INTEGER NOT NULL REFERENCES articles(id),
                number          INTEGER NOT NULL,
                origin          TEXT NOT NULL,
                status          TEXT NOT NULL,
                source_file_id  INTEGER REFERENCES source_files(id),
                title           TEXT NOT NULL,
                byline          TEXT,
                body_markdown   TEXT NOT NULL,
                body_html       TEXT NOT NULL,
                body_text       TEXT NOT NULL,
                created_at      TEXT NOT NULL,
                created_by      TEXT,
                UNIQUE (article_id, number)
            );

            CREATE TABLE ingestion_log (
                id          INTEGER PRIMARY KEY,
                at          TEXT NOT NULL,
                path        TEXT NOT NULL,
                outcome     TEXT NOT NULL,
                reason      TEXT,
                sha256      TEXT,
                article_id  INTEGER
            );
            CREATE INDEX ix_ingestion_log_at ON ingestion_log(at DESC);
            CREATE INDEX ix_ingestion_log_path ON ingestion_log(path, id DESC);
            """),
        new(2, "search: full-text index of live article text, kept in step by triggers on articles", NewsReader.Search.SearchSchema.Sql),
    ];
}

public sealed record Migration(int Version, string Name, string Sql);
