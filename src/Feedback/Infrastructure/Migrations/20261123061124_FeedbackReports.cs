using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Feedback.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "purchase_days",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    purchases = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_days", x => new { x.tenant_id, x.day, x.branch });
                });

            migrationBuilder.CreateTable(
                name: "report_settings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    minimum_group_size = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_settings", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "segment_memberships",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_member = table.Column<bool>(type: "boolean", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segment_memberships", x => new { x.tenant_id, x.segment_id, x.customer_id });
                });

            migrationBuilder.CreateTable(
                name: "survey_score_days",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    responses = table.Column<long>(type: "bigint", nullable: false),
                    promoters = table.Column<long>(type: "bigint", nullable: false),
                    passives = table.Column<long>(type: "bigint", nullable: false),
                    detractors = table.Column<long>(type: "bigint", nullable: false),
                    csat_answers = table.Column<long>(type: "bigint", nullable: false),
                    csat_satisfied = table.Column<long>(type: "bigint", nullable: false),
                    csat_sum = table.Column<long>(type: "bigint", nullable: false),
                    ces_answers = table.Column<long>(type: "bigint", nullable: false),
                    ces_sum = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_score_days", x => new { x.tenant_id, x.day, x.branch, x.survey_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_segment_memberships_tenant_customer",
                table: "segment_memberships",
                columns: new[] { "tenant_id", "customer_id" });

            // The scores rollup is kept by the database itself, per statement: every writer of survey_responses (the
            // API, the public page, imports, bulk SQL) counts, and a bulk insert costs one grouped upsert.
            migrationBuilder.Sql("""
                CREATE FUNCTION survey_score_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO survey_score_days AS d (tenant_id, day, branch, survey_id, responses, promoters, passives, detractors,
                                                            csat_answers, csat_satisfied, csat_sum, ces_answers, ces_sum)
                        SELECT tenant_id, (answered_at AT TIME ZONE 'UTC')::date, branch, survey_id, count(*),
                               count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps BETWEEN 7 AND 8), count(*) FILTER (WHERE nps <= 6),
                               count(csat), count(*) FILTER (WHERE csat >= 4), coalesce(sum(csat), 0), count(ces), coalesce(sum(ces), 0)
                        FROM changed_rows
                        GROUP BY 1, 2, 3, 4
                        -- One order for every writer, so two bulk inserts cannot deadlock on the same days.
                        ORDER BY 1, 2, 3, 4
                        ON CONFLICT (tenant_id, day, branch, survey_id) DO UPDATE SET
                            responses = d.responses + excluded.responses,
                            promoters = d.promoters + excluded.promoters,
                            passives = d.passives + excluded.passives,
                            detractors = d.detractors + excluded.detractors,
                            csat_answers = d.csat_answers + excluded.csat_answers,
                            csat_satisfied = d.csat_satisfied + excluded.csat_satisfied,
                            csat_sum = d.csat_sum + excluded.csat_sum,
                            ces_answers = d.ces_answers + excluded.ces_answers,
                            ces_sum = d.ces_sum + excluded.ces_sum;
                    ELSE
                        UPDATE survey_score_days AS d SET
                            responses = d.responses - o.responses,
                            promoters = d.promoters - o.promoters,
                            passives = d.passives - o.passives,
                            detractors = d.detractors - o.detractors,
                            csat_answers = d.csat_answers - o.csat_answers,
                            csat_satisfied = d.csat_satisfied - o.csat_satisfied,
                            csat_sum = d.csat_sum - o.csat_sum,
                            ces_answers = d.ces_answers - o.ces_answers,
                            ces_sum = d.ces_sum - o.ces_sum
                        FROM (SELECT tenant_id, (answered_at AT TIME ZONE 'UTC')::date AS day, branch, survey_id, count(*) AS responses,
                                     count(*) FILTER (WHERE nps >= 9) AS promoters, count(*) FILTER (WHERE nps BETWEEN 7 AND 8) AS passives,
                                     count(*) FILTER (WHERE nps <= 6) AS detractors, count(csat) AS csat_answers,
                                     count(*) FILTER (WHERE csat >= 4) AS csat_satisfied, coalesce(sum(csat), 0) AS csat_sum,
                                     count(ces) AS ces_answers, coalesce(sum(ces), 0) AS ces_sum
                              FROM changed_rows GROUP BY 1, 2, 3, 4) AS o
                        WHERE d.tenant_id = o.tenant_id AND d.day = o.day AND d.branch = o.branch AND d.survey_id = o.survey_id;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER survey_score_days_on_insert AFTER INSERT ON survey_responses
                    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_score_days_apply();
                CREATE TRIGGER survey_score_days_on_delete AFTER DELETE ON survey_responses
                    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION survey_score_days_apply();

                INSERT INTO survey_score_days (tenant_id, day, branch, survey_id, responses, promoters, passives, detractors,
                                               csat_answers, csat_satisfied, csat_sum, ces_answers, ces_sum)
                SELECT tenant_id, (answered_at AT TIME ZONE 'UTC')::date, branch, survey_id, count(*),
                       count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps BETWEEN 7 AND 8), count(*) FILTER (WHERE nps <= 6),
                       count(csat), count(*) FILTER (WHERE csat >= 4), coalesce(sum(csat), 0), count(ces), coalesce(sum(ces), 0)
                FROM survey_responses
                GROUP BY 1, 2, 3, 4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS survey_score_days_on_insert ON survey_responses;
                DROP TRIGGER IF EXISTS survey_score_days_on_delete ON survey_responses;
                DROP FUNCTION IF EXISTS survey_score_days_apply();
                """);
            migrationBuilder.DropTable(
                name: "purchase_days");

            migrationBuilder.DropTable(
                name: "report_settings");

            migrationBuilder.DropTable(
                name: "segment_memberships");

            migrationBuilder.DropTable(
                name: "survey_score_days");
        }
    }
}
