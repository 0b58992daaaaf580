namespace NewsReader.Search.Postgres;

/// <summary>
/// The search index on PostgreSQL, one migration. Each live article has a row in two tables, which split the work the
/// way PostgreSQL does it fastest (docs/benchmarks.md, "PostgreSQL search"):
/// <c>search_documents</c>, narrow, with GIN indexes over its lexemes (<c>words</c>, kept out of line and never read back:
/// GIN answers a query of words alone) and its headline (title A, byline and bureau B, outlet name C), finds the articles
/// holding the words; <c>search_vectors</c> keeps the whole weighted <c>tsvector</c> (the headline and the body, D) in
/// line, one article a page, so that checking a phrase or a field, and ranking, read no TOAST. Both carry the key SQLite's
/// index uses as rowid (publication day × 2^32 + article id, see <see cref="SearchKeys"/>): "newest first" and date
/// filters are ranges of a b-tree. Triggers on articles, revisions and outlets keep them in step, so ingestion,
/// corrections and any future writer update them without calling search. Words are split where the app splits them
/// (<see cref="WordSeparators"/>), folded by <c>unaccent</c> and stemmed by Snowball's Porter stemmer with no stop words,
/// as SQLite's "porter unicode61 remove_diacritics 2" index does.
/// This SQL becomes a shipped migration: never edit it once shipped, add a new migration instead.
/// </summary>
public static class PostgresSearchSchema
{
    /// <summary>
    /// Characters of a body indexed: a tsvector holds at most 1 MB of lexemes and positions, and PostgreSQL stops counting
    /// word positions at 16,383 anyway. 100,000 characters (a long read is a tenth of that) keep the worst body, every word
    /// different and four bytes a character, under the limit.
    /// </summary>
    public const int MaxBodyChars = 100_000;

    public static string Sql { get; } = $$"""
        -- unaccent is a trusted extension: a database owner may create it.
        CREATE EXTENSION IF NOT EXISTS unaccent;

        CREATE TEXT SEARCH DICTIONARY search_stem (TEMPLATE = snowball, LANGUAGE = porter);
        CREATE TEXT SEARCH CONFIGURATION search_words (PARSER = pg_catalog.default);
        ALTER TEXT SEARCH CONFIGURATION search_words ADD MAPPING FOR
            asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart,
            email, url, host, url_path, file, sfloat, float, int, uint, version
            WITH unaccent, search_stem;

        -- Text with every run of separators turned into one space, so the parser sees only words. COLLATE "C": outlet names
        -- compare without case (nocase), which regular expressions refuse, and the pattern names code points anyway.
        CREATE FUNCTION search_words(t text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $fn$ SELECT regexp_replace(t COLLATE "C", E'{{WordSeparators.Pattern.Replace("\\", "\\\\", StringComparison.Ordinal)}}', ' ', 'g') $fn$;

        CREATE FUNCTION search_vector(t text, weight "char") RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $fn$ SELECT setweight(to_tsvector('search_words', search_words(COALESCE(t, ''))), weight) $fn$;

        -- SearchKeys: days since 1970 of an ISO date (0 when there is none) × 2^32 + id. Worked out from the digits, so an
        -- impossible date (2024-02-30) rolls over as SQLite's julianday() rolls it, and nothing here can raise an error.
        CREATE FUNCTION search_key(published_at text, id bigint) RETURNS bigint
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $fn$
            SELECT GREATEST(0, CASE WHEN published_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN
                (SELECT era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + (153 * (m + CASE WHEN m > 2 THEN -3 ELSE 9 END) + 2) / 5 + d - 1 - 719468
                 FROM (SELECT y, m, d, floor(y / 400.0)::bigint AS era, y - floor(y / 400.0)::bigint * 400 AS yoe
                       FROM (SELECT substr(published_at, 1, 4)::bigint - CASE WHEN substr(published_at, 6, 2)::bigint <= 2 THEN 1 ELSE 0 END AS y,
                                    substr(published_at, 6, 2)::bigint AS m, substr(published_at, 9, 2)::bigint AS d) ymd) parts)
                ELSE 0 END) * 4294967296 + id
        $fn$;

        CREATE TABLE search_documents (
            article_id  BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            sort_key    BIGINT NOT NULL,
            outlet_id   BIGINT,
            headline    tsvector NOT NULL,
            words       tsvector NOT NULL
        );
        ALTER TABLE search_documents ALTER COLUMN words SET STORAGE EXTERNAL;
        -- A small pending list: ingestion still adds entries in batches, and a search reads at most 256 kB of them.
        CREATE INDEX ix_search_documents_words ON search_documents USING gin (words) WITH (gin_pending_list_limit = 256);
        CREATE INDEX ix_search_documents_headline ON search_documents USING gin (headline) WITH (gin_pending_list_limit = 256);
        CREATE INDEX ix_search_documents_key ON search_documents (sort_key);
        CREATE INDEX ix_search_documents_outlet ON search_documents (outlet_id, sort_key);

        -- toast_tuple_target and MAIN keep a vector of up to about 8 kB in its row (a longer one goes out of line).
        CREATE TABLE search_vectors (
            article_id  BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            sort_key    BIGINT NOT NULL,
            outlet_id   BIGINT,
            document    tsvector NOT NULL
        ) WITH (toast_tuple_target = 8160);
        ALTER TABLE search_vectors ALTER COLUMN document SET STORAGE MAIN;
        CREATE INDEX ix_search_vectors_key ON search_vectors (sort_key);
        CREATE INDEX ix_search_vectors_outlet ON search_vectors (outlet_id, sort_key);

        -- Indexes these articles' live revisions again, and drops the rows of articles with none.
        CREATE FUNCTION search_refresh(ids bigint[]) RETURNS void
        LANGUAGE sql
        AS $fn$
            DELETE FROM search_documents d
            WHERE d.article_id = ANY (ids)
              AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_id AND a.current_revision_id IS NOT NULL);
            DELETE FROM search_vectors v
            WHERE v.article_id = ANY (ids)
              AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = v.article_id AND a.current_revision_id IS NOT NULL);
            WITH fresh AS (
                SELECT a.id, search_key(a.published_at, a.id) AS sort_key, a.outlet_id, h.headline,
                       h.headline || search_vector(left(r.body_text, {{MaxBodyChars}}), 'D') AS document
                FROM articles a
                JOIN article_revisions r ON r.id = a.current_revision_id
                LEFT JOIN outlets o ON o.id = a.outlet_id
                CROSS JOIN LATERAL (SELECT search_vector(a.title, 'A') || search_vector(concat_ws(' ', a.byline, a.bureau), 'B')
                                           || search_vector(o.name, 'C') AS headline) h
                WHERE a.id = ANY (ids)),
            vectors AS (
                INSERT INTO search_vectors (article_id, sort_key, outlet_id, document)
                SELECT id, sort_key, outlet_id, document FROM fresh
                ON CONFLICT (article_id) DO UPDATE
                SET sort_key = EXCLUDED.sort_key, outlet_id = EXCLUDED.outlet_id, document = EXCLUDED.document)
            INSERT INTO search_documents (article_id, sort_key, outlet_id, headline, words)
            SELECT id, sort_key, outlet_id, headline, strip(document) FROM fresh
            ON CONFLICT (article_id) DO UPDATE
            SET sort_key = EXCLUDED.sort_key, outlet_id = EXCLUDED.outlet_id, headline = EXCLUDED.headline, words = EXCLUDED.words;
        $fn$;
        CREATE FUNCTION search_after_article_change() RETURNS trigger
        LANGUAGE plpgsql
        AS $fn$ BEGIN PERFORM search_refresh(ARRAY[NEW.id]); RETURN NULL; END $fn$;

        CREATE TRIGGER search_after_article_insert AFTER INSERT ON articles
        FOR EACH ROW WHEN (NEW.current_revision_id IS NOT NULL)
        EXECUTE FUNCTION search_after_article_change();

        -- Only a change readers would search for indexes the article again; ingestion's bookkeeping updates do not.
        CREATE TRIGGER search_after_article_update AFTER UPDATE OF current_revision_id, title, byline, bureau, outlet_id, published_at ON articles
        FOR EACH ROW WHEN (OLD.current_revision_id IS DISTINCT FROM NEW.current_revision_id OR OLD.title IS DISTINCT FROM NEW.title
            OR OLD.byline IS DISTINCT FROM NEW.byline OR OLD.bureau IS DISTINCT FROM NEW.bureau
            OR OLD.outlet_id IS DISTINCT FROM NEW.outlet_id OR OLD.published_at IS DISTINCT FROM NEW.published_at)
        EXECUTE FUNCTION search_after_article_change();

        -- The live text changed in place (no writer does this today; one that does needs no call to search either).
        CREATE FUNCTION search_after_revision_change() RETURNS trigger
        LANGUAGE plpgsql
        AS $fn$ BEGIN PERFORM search_refresh(ARRAY(SELECT id FROM articles WHERE id = NEW.article_id AND current_revision_id = NEW.id)); RETURN NULL; END $fn$;

        CREATE TRIGGER search_after_revision_update AFTER UPDATE OF body_text ON article_revisions
        FOR EACH ROW WHEN (OLD.body_text IS DISTINCT FROM NEW.body_text)
        EXECUTE FUNCTION search_after_revision_change();

        -- A renamed outlet: its articles are found by the new name (weight C), not the old.
        CREATE FUNCTION search_after_outlet_rename() RETURNS trigger
        LANGUAGE plpgsql
        AS $fn$ BEGIN PERFORM search_refresh(ARRAY(SELECT id FROM articles WHERE outlet_id = NEW.id)); RETURN NULL; END $fn$;

        CREATE TRIGGER search_after_outlet_rename AFTER UPDATE OF name ON outlets
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
        EXECUTE FUNCTION search_after_outlet_rename();

        -- One term of a query as a tsquery, or NULL when its words hold no lexeme: the words' lexemes in order, joined as a
        -- phrase (<->) or, loose, as words an article must hold (&), leaving out a one-letter word beside longer ones (the s
        -- of "Tokyo’s" is in nearly every article: it narrows nothing and costs a long posting list); the last one a prefix
        -- when asked; each limited to the weights given ('' for anywhere). The reader's words only ever arrive here as
        -- parameters, and each lexeme is quoted (\ and ' escaped) before the text is read back as a tsquery.
        CREATE FUNCTION search_term(words text, weights text, prefix boolean, phrase boolean) RETURNS tsquery
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $fn$
            SELECT string_agg(
                       '''' || replace(replace(lexeme, E'\\', E'\\\\'), '''', '''''') || ''''
                       || CASE WHEN (prefix AND pos = last) OR weights <> '' THEN ':' ELSE '' END
                       || CASE WHEN prefix AND pos = last THEN '*' ELSE '' END || weights,
                       CASE WHEN phrase THEN ' <-> ' ELSE ' & ' END ORDER BY pos)::tsquery
            FROM (SELECT u.lexeme, p.pos, max(p.pos) OVER () AS last, max(length(u.lexeme)) OVER () AS longest
                  FROM unnest(to_tsvector('search_words', search_words(words))) u, unnest(u.positions) AS p(pos)) w
            WHERE phrase OR length(lexeme) > 1 OR longest = 1
        $fn$;

        -- A whole query: terms of the same group (1, 2, ...) are alternatives (OR), every group must match (AND), terms of
        -- group 0 must not (exclusions). NULL when no group holds a lexeme. Loose, it asks only which words an article
        -- holds, which GIN answers without reading the article: phrases become their words, fields are dropped, and an
        -- exclusion of more than one word or of a field is left out (it could exclude more than the exact query does).
        CREATE FUNCTION search_query(words text[], weights text[], prefixes boolean[], groups int[], loose boolean) RETURNS tsquery
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
        AS $fn$
        DECLARE
            found tsquery;
            alternatives tsquery;
            term tsquery;
        BEGIN
            FOR g IN 1 .. COALESCE((SELECT max(x) FROM unnest(groups) x), 0) LOOP
                alternatives := NULL;
                FOR i IN 1 .. cardinality(words) LOOP
                    CONTINUE WHEN groups[i] <> g;
                    term := search_term(words[i], CASE WHEN loose THEN '' ELSE weights[i] END, prefixes[i], NOT loose);
                    alternatives := CASE WHEN alternatives IS NULL THEN term ELSE COALESCE(alternatives || term, alternatives) END;
                END LOOP;
                found := CASE WHEN found IS NULL THEN alternatives ELSE COALESCE(found && alternatives, found) END;
            END LOOP;
            FOR i IN 1 .. cardinality(words) LOOP
                CONTINUE WHEN groups[i] <> 0 OR found IS NULL OR (loose AND weights[i] <> '');
                term := search_term(words[i], weights[i], prefixes[i], true);
                CONTINUE WHEN loose AND numnode(term) > 1;
                found := COALESCE(found && !!term, found);
            END LOOP;
            RETURN found;
        END
        $fn$;

        -- Articles stored before search existed.
        SELECT search_refresh(ARRAY(SELECT id FROM articles WHERE current_revision_id IS NOT NULL));
        """;
}
