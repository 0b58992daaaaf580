using Dapper;
using NewsReader.Admin;
using NewsReader.Articles;
using NewsReader.Store;

namespace NewsReader.Corrections;

/// <summary>Readers' reports of errors, and the editors' triage of them.</summary>
public sealed class ErrorReportStore(Db db, AuditLog audit, TimeProvider time)
{
    public const int PageSize = 25;
    public const int MaxPassage = 2000;
    public const int MaxProblem = 4000;
    public const int MaxName = 200;

    private const string InsertSql = """
        INSERT INTO error_reports (article_id, passage, problem, reporter_name, reporter_email, created_at)
        VALUES (@articleId, @passage, @problem, @name, @email, @now)
        """;

    private const string PageSql = """
        SELECT e.id, e.article_id AS ArticleId, e.passage, e.problem, e.reporter_name AS ReporterName, e.reporter_email AS ReporterEmail,
               e.status, e.correction_id AS CorrectionId, e.created_at AS CreatedAt, e.updated_at AS UpdatedAt, e.updated_by AS UpdatedBy,
               a.slug AS ArticleSlug, a.title AS ArticleTitle
        FROM error_reports e JOIN articles a ON a.id = e.article_id
        WHERE @status IS NULL OR e.status = @status
        ORDER BY e.id DESC LIMIT @limit OFFSET @offset
        """;

    private const string CountSql = "SELECT COUNT(*) FROM error_reports WHERE @status IS NULL OR status = @status";

    private const string ArticleOfSql = "SELECT article_id FROM error_reports WHERE id = @id";

    private const string CorrectionOfArticleSql = "SELECT EXISTS (SELECT 1 FROM corrections WHERE id = @correctionId AND article_id = @articleId)";

    private const string SetStatusSql = """
        UPDATE error_reports SET status = @status, correction_id = @correctionId, updated_at = @now, updated_by = @user WHERE id = @id
        """;

    /// <summary>Problems with a report as a reader filled it in; empty when it can be stored.</summary>
    public static IReadOnlyList<string> Check(string? passage, string? problem, string? name, string? email)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(passage) || passage.Length > MaxPassage)
        {
            problems.Add($"Quote the passage that is wrong (up to {MaxPassage:N0} characters).");
        }

        if (string.IsNullOrWhiteSpace(problem) || problem.Length > MaxProblem)
        {
            problems.Add($"Say what is wrong (up to {MaxProblem:N0} characters).");
        }

        if (name is { Length: > MaxName })
        {
            problems.Add($"The name is longer than {MaxName} characters.");
        }

        if (!string.IsNullOrWhiteSpace(email) && (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _)))
        {
            problems.Add("The email address does not look right; it may be left empty.");
        }

        return problems;
    }

    public async Task AddAsync(long articleId, string passage, string problem, string? name, string? email, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            articleId, passage = passage.Trim(), problem = problem.Trim(), name = Blank(name), email = Blank(email), now = Clock.Iso(time.GetUtcNow()),
        }, cancellationToken: ct));
    }

    /// <summary>How many reports have the status; the desk shows the count of new ones.</summary>
    public async Task<int> CountAsync(string status, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, new { status }, cancellationToken: ct));
    }

    public async Task<Paged<ErrorReport>> PageAsync(string? status, int page, CancellationToken ct)
    {
        page = Math.Max(1, page);
        status = ReportStatuses.IsValid(status) ? status : null;
        await using var c = await db.OpenAsync(ct);
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition(CountSql, new { status }, cancellationToken: ct));
        var items = (await c.QueryAsync<ErrorReport>(new CommandDefinition(PageSql, new { status, limit = PageSize, offset = (page - 1) * PageSize }, cancellationToken: ct))).AsList();
        return new Paged<ErrorReport>(items, page, PageSize, total);
    }

    /// <summary>Moves a report through triage; "corrected" must name a correction of the same article.</summary>
    public async Task<WriteResult> SetStatusAsync(long id, string status, long? correctionId, string user, CancellationToken ct)
    {
        if (!ReportStatuses.IsValid(status))
        {
            return WriteResult.Fail("Unknown status.");
        }

        await using var c = await db.OpenAsync(ct);
        var articleId = await c.ExecuteScalarAsync<long?>(new CommandDefinition(ArticleOfSql, new { id }, cancellationToken: ct));
        if (articleId is null)
        {
            return WriteResult.Fail("No such report.");
        }

        if (status == "corrected" && (correctionId is null
            || !await c.ExecuteScalarAsync<bool>(new CommandDefinition(CorrectionOfArticleSql, new { correctionId, articleId }, cancellationToken: ct))))
        {
            return WriteResult.Fail("To mark a report corrected, choose the correction of this article that fixed it.");
        }

        await c.ExecuteAsync(new CommandDefinition(SetStatusSql, new { id, status, correctionId = status == "corrected" ? correctionId : null, now = Clock.Iso(time.GetUtcNow()), user }, cancellationToken: ct));
        await audit.WriteAsync(user, $"marked error report #{id} {status}", correctionId is null ? null : $"correction #{correctionId}", articleId, ct);
        return new WriteResult(id, []);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
