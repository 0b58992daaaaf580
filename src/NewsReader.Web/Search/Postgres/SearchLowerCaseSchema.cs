namespace NewsReader.Search.Postgres;

/// <summary>
/// The migration after <see cref="PostgresSearchSchema"/>: <c>search_words</c>, which every vector and every query term
/// goes through, also lower-cases the words, by ICU's rules for every script. PostgreSQL's parser and the Snowball
/// stemmer lower-case only what the database's locale knows, which in a database made with the C locale is ASCII: there
/// КИЇВ did not find Київ. A database with any other locale already had these lexemes, so only one made with the C
/// locale (or POSIX) is indexed again.
/// This SQL becomes a shipped migration: never edit it once shipped, add a new migration instead.
/// </summary>
public static class SearchLowerCaseSchema
{
    public static string Sql { get; } = $$"""
        CREATE COLLATION search_fold (provider = icu, locale = 'und');

        CREATE OR REPLACE FUNCTION search_words(t text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $fn$ SELECT lower(regexp_replace(t COLLATE "C", E'{{WordSeparators.Pattern.Replace("\\", "\\\\", StringComparison.Ordinal)}}', ' ', 'g') COLLATE search_fold) $fn$;

        DO $do$
        BEGIN
            IF (SELECT datctype FROM pg_database WHERE datname = current_database()) IN ('C', 'POSIX') THEN
                PERFORM search_refresh(ARRAY(SELECT id FROM articles WHERE current_revision_id IS NOT NULL));
            END IF;
        END
        $do$;
        """;
}
