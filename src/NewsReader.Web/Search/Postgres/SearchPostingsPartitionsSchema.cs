namespace NewsReader.Search.Postgres;

/// <summary>
/// The migration after <see cref="SearchPostingsSchema"/>: <c>search_postings</c> split into <see cref="Partitions"/>
/// partitions by a hash of the lexeme, so that a word's postings, and its b-tree, live in a table a sixteenth of the
/// size. An index-only scan checks each posting in the table's visibility map, one map page per 256 MB of table; reading
/// a word's postings, which lie all over one large table, it switched map pages at nearly every posting, a third of the
/// time a scan took (docs/benchmarks.md, "Postings in partitions"). A partition stays under one map page up to about
/// 200,000 articles. The functions that write the postings name the table, so they write to the partitions unchanged.
/// This SQL becomes a shipped migration: never edit it once shipped, add a new migration instead.
/// </summary>
public static class SearchPostingsPartitionsSchema
{
    public const int Partitions = 16;

    public static string Sql { get; } = $$"""
        ALTER TABLE search_postings RENAME TO search_postings_whole;
        ALTER INDEX ix_search_postings RENAME TO ix_search_postings_whole;
        ALTER INDEX ix_search_postings_headline RENAME TO ix_search_postings_headline_whole;

        CREATE TABLE search_postings (
            sort_key    BIGINT NOT NULL,
            lexeme_id   INT NOT NULL,
            fields      INT NOT NULL,
            follows     INT[]
        ) PARTITION BY HASH (lexeme_id);

        DO $do$
        BEGIN
            FOR i IN 0 .. {{Partitions - 1}} LOOP
                EXECUTE format('CREATE TABLE search_postings_%s PARTITION OF search_postings
                                FOR VALUES WITH (MODULUS {{Partitions}}, REMAINDER %s) WITH (autovacuum_vacuum_scale_factor = 0.05)', i, i);
            END LOOP;
        END
        $do$;

        INSERT INTO search_postings (sort_key, lexeme_id, fields, follows)
        SELECT sort_key, lexeme_id, fields, follows FROM search_postings_whole;
        DROP TABLE search_postings_whole;

        SET LOCAL maintenance_work_mem = '256MB';
        CREATE INDEX ix_search_postings ON search_postings (lexeme_id, sort_key) INCLUDE (fields, follows);
        CREATE INDEX ix_search_postings_headline ON search_postings (lexeme_id, sort_key) INCLUDE (fields, follows) WHERE fields & 255 <> 0;
        """;
}
