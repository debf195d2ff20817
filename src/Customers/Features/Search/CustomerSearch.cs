using System.Globalization;
using System.Text;
using CustomerPlatform.Customers.Domain;
using CustomerPlatform.ServiceDefaults.Http;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace CustomerPlatform.Customers.Features.Search;

/// <summary>How search results are ordered.</summary>
public enum CustomerSort
{
    /// <summary>Best name match first (the default with <c>q</c>).</summary>
    Relevance,

    /// <summary>Most recently registered first (the default without <c>q</c>).</summary>
    Recency,

    /// <summary>By display name.</summary>
    Name,
}

/// <summary>
/// A checked customer search, turned into one parameterised SQL query: every client value is a parameter, the tenant
/// is always the first condition, and each filter is written in the form its index serves (array containment for
/// e-mails, phones, tags and name words).
/// </summary>
/// <remarks>
/// A name is found in two steps. <see cref="WithNameTermsAsync"/> looks each typed word up in the business's
/// dictionary of name words (pg_trgm similarity, so "Smiht" finds "smith", or the same first two letters and about
/// the same length, so "Jonh" finds "john"); the query then asks for customers having,
/// for every word that found any, one of the words it found (the GIN index on <c>name_terms</c>), and keeps those whose
/// whole name is like the query (<see cref="NameThreshold"/>), best first. A typed word like no word of any name
/// ("Mr") narrows nothing and still counts in the final similarity.
/// </remarks>
public sealed record CustomerSearch(
    Guid TenantId,
    string? Name,
    string? Email,
    string? Phone,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Branches,
    LifecycleStatus? Status,
    CustomerKind? Kind,
    int? MinRating,
    int? MaxRating,
    bool IncludeArchived,
    CustomerSort Sort,
    int Limit,
    PageCursor? After)
{
    public const int MinNameLength = 3;

    /// <summary>How many words of a query are looked up; the rest only count in the final similarity.</summary>
    public const int MaxNameWords = 6;

    /// <summary>How many dictionary words one typed word may stand for (the most alike first).</summary>
    public const int MaxTermsPerWord = 200;

    /// <summary>
    /// How alike a dictionary word must be to a typed word (pg_trgm similarity): "Smiht" is 0.33 from "smith".
    /// </summary>
    public const double TermThreshold = 0.3;

    /// <summary>The longest typed word that also stands for dictionary words sharing its first two letters.</summary>
    private const int MaxPrefixMatchedLength = 6;

    /// <summary>
    /// How alike a name must be to the query (pg_trgm word similarity, 0 to 1). The extension's default of 0.6 misses a
    /// typo in a short name ("Jonh Smith" scores 0.57 against "John Smith"); at 0.4 a query sharing a common first name
    /// drew 33,000 candidates at 1M customers (2.3 s) against about 800 at 0.5.
    /// </summary>
    public const double NameThreshold = 0.5;

    /// <summary>
    /// For each looked-up word of <see cref="Name"/> that matched any, the dictionary words it stands for; null until
    /// <see cref="WithNameTermsAsync"/> has run (a search by name must run it first).
    /// </summary>
    public IReadOnlyList<string[]>? NameTerms { get; init; }

    /// <summary>A name's words as the database splits them (<c>customers.name_terms</c>): lower case, letters and digits.</summary>
    public static IReadOnlyList<string> Words(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var character in name + " ")
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(char.ToLowerInvariant(character));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return words.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>This search with <see cref="NameTerms"/> looked up (one round trip); unchanged without a name.</summary>
    public async Task<CustomerSearch> WithNameTermsAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (Name is null)
        {
            return this;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            // Sent with the lookups rather than set per connection, so it holds whichever pooled connection runs them.
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"SET pg_trgm.similarity_threshold = {TermThreshold.ToString(CultureInfo.InvariantCulture)}"));
            foreach (var word in Words(Name).Take(MaxNameWords))
            {
                // Trigrams miss a typo in a short word ("jonh" is 0.25 from "john" but 0.38 from "jones"), so a word of
                // three to six letters also stands for the words of about its length that begin with the same two (a
                // range on the primary key); a longer word has trigrams enough. The whole name's similarity decides.
                var prefix = word.Length is >= 3 and <= MaxPrefixMatchedLength ? word[..2] : null;
                var lookup = new NpgsqlBatchCommand(
                    """
                    SELECT coalesce(array_agg(term), '{}') FROM (
                        SELECT term FROM customer_name_terms
                        WHERE tenant_id = @tenant
                          AND (term % @word OR (term >= @prefix AND term < @after_prefix AND length(term) BETWEEN @shortest AND @longest))
                        ORDER BY similarity(term, @word) DESC LIMIT @max) found
                    """);
                lookup.Parameters.Add(new NpgsqlParameter("tenant", NpgsqlDbType.Uuid) { Value = TenantId });
                lookup.Parameters.Add(new NpgsqlParameter("word", NpgsqlDbType.Text) { Value = word });
                lookup.Parameters.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = (object?)prefix ?? DBNull.Value });
                lookup.Parameters.Add(new NpgsqlParameter("after_prefix", NpgsqlDbType.Text)
                {
                    Value = prefix is null ? DBNull.Value : string.Concat(prefix.AsSpan(0, 1), ((char)(prefix[1] + 1)).ToString()),
                });
                lookup.Parameters.Add(new NpgsqlParameter("shortest", NpgsqlDbType.Integer) { Value = word.Length - 1 });
                lookup.Parameters.Add(new NpgsqlParameter("longest", NpgsqlDbType.Integer) { Value = word.Length + 1 });
                lookup.Parameters.Add(new NpgsqlParameter("max", NpgsqlDbType.Integer) { Value = MaxTermsPerWord });
                batch.BatchCommands.Add(lookup);
            }

            var terms = new List<string[]>();
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            do
            {
                if (await reader.ReadAsync(cancellationToken) && reader.GetFieldValue<string[]>(0) is { Length: > 0 } found)
                {
                    terms.Add(found);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));

            return this with { NameTerms = terms };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The SQL (with its parameters) for one page; it fetches one row more than the limit to know whether another page follows.</summary>
    public NpgsqlBatch ToBatch(NpgsqlConnection connection)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = Filters(parameters, out var score);
        string Parameter(object value, NpgsqlDbType? type = null) => AddParameter(parameters, value, type);

        // An e-mail, phone or name finds few rows through its GIN index, but PostgreSQL cannot estimate how few (it
        // guesses 0.5% of the table) and, asked for the first rows in id or name order, walks that order's index
        // instead, filtering a large tenant's rows one by one: 8.6 s at 1M customers against 20 ms. Fetching the
        // matches first (a materialised CTE) and ordering only those keeps the lookup on the GIN index.
        var matchesFirst = Name is not null || Email is not null || Phone is not null;
        var rank = matchesFirst ? "c.score" : score;
        string orderBy;
        var keyset = "";
        switch (Sort)
        {
            case CustomerSort.Relevance:
                orderBy = $"{rank} DESC, c.id";
                if (After is { } afterScore)
                {
                    var last = Parameter(float.Parse(afterScore.Key, CultureInfo.InvariantCulture), NpgsqlDbType.Real);
                    keyset = $"({rank} < {last} OR ({rank} = {last} AND c.id > {Parameter(afterScore.Id)}))";
                }

                break;
            case CustomerSort.Name:
                orderBy = "c.display_name, c.id";
                if (After is { } afterName)
                {
                    keyset = $"(c.display_name, c.id) > ({Parameter(afterName.Key)}, {Parameter(afterName.Id)})";
                }

                break;
            default:
                // Ids are UUIDv7, time-ordered: newest id first is most recently registered first.
                orderBy = "c.id DESC";
                if (After is { } afterId)
                {
                    keyset = $"c.id < {Parameter(afterId.Id)}";
                }

                break;
        }

        const string Columns = """
            c.id, c.kind, c.display_name, c.emails[1] AS email, c.phones[1] AS phone, c.home_branch, c.status, c.tags, c.rating,
            c.registered_at, c.archived_at
            """;
        var limit = Parameter(Limit + 1);
        var sql = matchesFirst
            ? $"""
                WITH found AS MATERIALIZED (SELECT {Columns}, {score} AS score FROM customers c WHERE {where})
                SELECT * FROM found c
                {(keyset.Length > 0 ? "WHERE " + keyset : "")}
                ORDER BY {orderBy}
                LIMIT {limit}
                """
            : $"""
                SELECT {Columns}, {score} AS score FROM customers c
                WHERE {where}{(keyset.Length > 0 ? " AND " + keyset : "")}
                ORDER BY {orderBy}
                LIMIT {limit}
                """;
        var batch = new NpgsqlBatch(connection);
        var select = new NpgsqlBatchCommand(sql);
        select.Parameters.AddRange(parameters.ToArray());
        batch.BatchCommands.Add(select);
        return batch;
    }

    /// <summary>
    /// Every matching customer, in id order, with no page limit: what an export streams. <paramref name="columns"/> is
    /// a fixed SELECT list over <c>customers c</c>.
    /// </summary>
    public NpgsqlBatch ToExportBatch(NpgsqlConnection connection, string columns)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = Filters(parameters, out _);
        var batch = new NpgsqlBatch(connection);
        var select = new NpgsqlBatchCommand($"SELECT {columns} FROM customers c WHERE {where} ORDER BY c.id");
        select.Parameters.AddRange(parameters.ToArray());
        batch.BatchCommands.Add(select);
        return batch;
    }

    private static string AddParameter(List<NpgsqlParameter> parameters, object value, NpgsqlDbType? type)
    {
        var name = "p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add(type is null ? new NpgsqlParameter(name, value) : new NpgsqlParameter(name, type.Value) { Value = value });
        return "@" + name;
    }

    /// <summary>The search's conditions (tenant first), shared by pages and exports.</summary>
    private StringBuilder Filters(List<NpgsqlParameter> parameters, out string score)
    {
        parameters.Add(new NpgsqlParameter("tenant", TenantId));
        string Parameter(object value, NpgsqlDbType? type = null) => AddParameter(parameters, value, type);
        var where = new StringBuilder("c.tenant_id = @tenant");
        void And(string condition) => where.Append(" AND ").Append(condition);

        score = "NULL::real";
        if (Name is not null)
        {
            var terms = NameTerms ?? throw new InvalidOperationException("A search by name looks its words up first (WithNameTermsAsync).");
            var query = Parameter(Name);
            score = $"word_similarity({query}, c.display_name)";
            if (terms.Count == 0)
            {
                And("false");
            }

            foreach (var alike in terms)
            {
                And($"c.name_terms && {Parameter(alike, NpgsqlDbType.Array | NpgsqlDbType.Text)}");
            }

            // The function, not the <% operator: an operator the display name's trigram index could serve once tempted
            // the planner away from the name words' index.
            And($"{score} >= {NameThreshold.ToString(CultureInfo.InvariantCulture)}");
        }

        // An erased customer is no one to find: only its id is left.
        And("c.status <> 'Erased'");
        if (!IncludeArchived)
        {
            And("c.archived_at IS NULL");
        }

        if (Email is not null)
        {
            And($"c.emails @> ARRAY[{Parameter(Email)}]");
        }

        if (Phone is not null)
        {
            And($"c.phones @> ARRAY[{Parameter(Phone)}]");
        }

        if (Tags.Count > 0)
        {
            And($"c.tags @> {Parameter(Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)}");
        }

        if (Branches.Count > 0)
        {
            And($"c.home_branch = ANY({Parameter(Branches.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)})");
        }

        if (Status is { } status)
        {
            And($"c.status = {Parameter(status.ToString())}");
        }

        if (Kind is { } kind)
        {
            And($"c.kind = {Parameter(kind.ToString())}");
        }

        if (MinRating is { } min)
        {
            And($"c.rating >= {Parameter(min)}");
        }

        if (MaxRating is { } max)
        {
            And($"c.rating <= {Parameter(max)}");
        }

        return where;
    }

    /// <summary>The cursor after <paramref name="item"/> in this search's order.</summary>
    public PageCursor CursorAfter(CustomerSummary item) => Sort switch
    {
        CustomerSort.Relevance => new PageCursor((item.Score ?? 0f).ToString("R", CultureInfo.InvariantCulture), item.Id),
        CustomerSort.Name => new PageCursor(item.DisplayName, item.Id),
        _ => new PageCursor("", item.Id),
    };
}
