namespace NewsReader.Store.Sqlite;

/// <summary>
/// The SQLite schema, as an ordered, append-only list: the schema version is the number of migrations applied.
/// Never edit a migration that has shipped; add a new one at the end.
/// </summary>
public static class SqliteMigrations
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
        new(2, "corrections: users, sessions, audit log, corrections, correction edits, error reports", """
            CREATE TABLE users (
                id                  INTEGER PRIMARY KEY,
                name                TEXT NOT NULL UNIQUE COLLATE NOCASE,
                role                TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
                password_hash       TEXT NOT NULL,
                disabled            INTEGER NOT NULL DEFAULT 0,
                created_at          TEXT NOT NULL,
                password_changed_at TEXT NOT NULL
            );

            -- Server-side sessions: the cookie names one, so logout, disabling a user or a password reset revokes it.
            CREATE TABLE user_sessions (
                id              TEXT PRIMARY KEY,
                user_id         INTEGER NOT NULL REFERENCES users(id),
                created_at      TEXT NOT NULL,
                last_seen_at    TEXT NOT NULL,
                expires_at      TEXT NOT NULL,
                revoked_at      TEXT
            );
            CREATE INDEX ix_user_sessions_user ON user_sessions(user_id);

            CREATE TABLE audit_log (
                id          INTEGER PRIMARY KEY,
                at          TEXT NOT NULL,
                user_name   TEXT NOT NULL,
                action      TEXT NOT NULL,
                detail      TEXT,
                article_id  INTEGER REFERENCES articles(id)
            );
            CREATE INDEX ix_audit_log_at ON audit_log(id DESC);

            -- kind: correction | clarification | update | editors-note. Never deleted: withdrawn ones keep their text.
            CREATE TABLE corrections (
                id                   INTEGER PRIMARY KEY,
                article_id           INTEGER NOT NULL REFERENCES articles(id),
                kind                 TEXT NOT NULL CHECK (kind IN ('correction', 'clarification', 'update', 'editors-note')),
                note_markdown        TEXT NOT NULL,
                note_html            TEXT NOT NULL,
                revision_id          INTEGER REFERENCES article_revisions(id),
                previous_revision_id INTEGER REFERENCES article_revisions(id),
                published_at         TEXT NOT NULL,
                created_by           TEXT NOT NULL,
                edited_at            TEXT,
                edited_by            TEXT,
                withdrawn_at         TEXT,
                withdrawn_by         TEXT,
                withdrawn_reason     TEXT
            );
            CREATE INDEX ix_corrections_article ON corrections(article_id, published_at);
            CREATE INDEX ix_corrections_published ON corrections(published_at DESC, id DESC);

            -- What a correction said before each edit.
            CREATE TABLE correction_edits (
                id                  INTEGER PRIMARY KEY,
                correction_id       INTEGER NOT NULL REFERENCES corrections(id),
                at                  TEXT NOT NULL,
                by                  TEXT NOT NULL,
                old_kind            TEXT NOT NULL,
                old_note_markdown   TEXT NOT NULL
            );

            CREATE TABLE error_reports (
                id              INTEGER PRIMARY KEY,
                article_id      INTEGER NOT NULL REFERENCES articles(id),
                passage         TEXT NOT NULL,
                problem         TEXT NOT NULL,
                reporter_name   TEXT,
                reporter_email  TEXT,
                status          TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'investigating', 'corrected', 'declined')),
                correction_id   INTEGER REFERENCES corrections(id),
                created_at      TEXT NOT NULL,
                updated_at      TEXT,
                updated_by      TEXT
            );
            CREATE INDEX ix_error_reports_status ON error_reports(status, id DESC);
            """),
        new(3, "search: full-text index of live article text, kept in step by triggers on articles", NewsReader.Search.Sqlite.SearchSchema.Sql),
        new(4, "search: headline index (title, byline, outlet) for older strong matches; a first revision is indexed without a delete", NewsReader.Search.Sqlite.HeadlineSchema.Sql),
        new(5, "articles: index of correction revisions, so the Corrected badge of a list or search result reads no revision rows", """
            -- Lists and search results ask of every article whether a revision came from a correction; through the
            -- (article_id, number) index that meant reading each revision row. This index holds only the few that did.
            CREATE INDEX ix_revisions_corrections ON article_revisions(article_id) WHERE origin = 'correction';
            """),
        new(6, "articles: index of when each revision was made, so the sitemap's lastmod reads no revision rows", """
            -- created_at sits after the three body columns: reading it walked each revision's overflow pages (1 s for the
            -- outlets' lastmod at 100,000 articles). Queries name this index (INDEXED BY): the planner prefers the rowid.
            CREATE INDEX ix_revisions_created ON article_revisions(id, created_at);
            """),
        new(7, "ingestion: files refused by a parser or a limit, not parsed again until they change", """
            -- A file that failed slowly was parsed again at every rescan. Its size, modification time and hash are kept
            -- here; the next scan skips it unless one of them (or the parser's version) changed.
            CREATE TABLE refused_files (
                path            TEXT PRIMARY KEY,
                sha256          TEXT,
                size_bytes      INTEGER NOT NULL,
                file_mtime      INTEGER NOT NULL,
                parser_version  TEXT,
                reason          TEXT NOT NULL,
                refused_at      TEXT NOT NULL
            );
            """),
        new(8, "search: the bureau is searched with the byline", NewsReader.Search.Sqlite.BylineSchema.Sql),
        new(9, "media: images saved beside article files, stored by the hash of their bytes", """
            -- In the database rather than a folder beside it, so one file (or one VACUUM INTO) backs up everything.
            -- The extension and content type are those the bytes were recognised as, never the file name's.
            CREATE TABLE media (
                sha256          TEXT PRIMARY KEY,
                extension       TEXT NOT NULL,
                content_type    TEXT NOT NULL,
                width           INTEGER,
                height          INTEGER,
                size_bytes      INTEGER NOT NULL,
                bytes           BLOB NOT NULL,
                created_at      TEXT NOT NULL
            );
            """),
        new(10, "articles: indexes of title and opening, so a new file's rename check reads no whole table", """
            -- Ingestion asks of every new article whether it is a renamed file of an article stored before: same canonical
            -- URL, title or opening. Without these two indexes each question read every article.
            CREATE INDEX ix_articles_title ON articles(title);
            CREATE INDEX ix_articles_opening ON articles(substr(excerpt, 1, 64));
            """),
        new(11, "nodes: Data Protection keys and sign-in throttling kept in the database", """
            -- The keys that sign cookies and antiforgery tokens: in the database, they survive a restart and back up with it
            -- (and on PostgreSQL every node reads the same ones). Rows are XML elements written by ASP.NET Core's key manager.
            CREATE TABLE data_protection_keys (
                id              INTEGER PRIMARY KEY,
                friendly_name   TEXT,
                xml             TEXT NOT NULL,
                created_at      TEXT NOT NULL
            );

            -- Failed sign-ins per account name ('u:') and per client address ('a:'); times are Unix milliseconds.
            CREATE TABLE sign_in_throttle (
                key             TEXT PRIMARY KEY,
                failures        INTEGER NOT NULL,
                lockouts        INTEGER NOT NULL,
                last_failure    INTEGER NOT NULL,
                locked_until    INTEGER NOT NULL
            );
            CREATE INDEX ix_sign_in_throttle_last_failure ON sign_in_throttle(last_failure);
            """),
        new(12, "reading pages: one content version every node reads, so all give a page the same ETag", """
            -- Moved on by whoever changes what readers see (ingestion, corrections, a node starting with new code or settings).
            CREATE TABLE content_version (
                id          INTEGER PRIMARY KEY CHECK (id = 1),
                version     INTEGER NOT NULL,
                changed_at  TEXT NOT NULL
            );
            INSERT INTO content_version (id, version, changed_at) VALUES (1, 0, '1970-01-01T00:00:00.0000000+00:00');
            """),
    ];
}
