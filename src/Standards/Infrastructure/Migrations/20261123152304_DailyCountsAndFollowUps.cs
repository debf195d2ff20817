using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Standards.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DailyCountsAndFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "branch_day_counts",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    promoters = table.Column<int>(type: "integer", nullable: false),
                    passives = table.Column<int>(type: "integer", nullable: false),
                    detractors = table.Column<int>(type: "integer", nullable: false),
                    csat_answers = table.Column<int>(type: "integer", nullable: false),
                    csat_satisfied = table.Column<int>(type: "integer", nullable: false),
                    ces_answers = table.Column<int>(type: "integer", nullable: false),
                    ces_total = table.Column<int>(type: "integer", nullable: false),
                    survey_responses = table.Column<int>(type: "integer", nullable: false),
                    survey_invitations = table.Column<int>(type: "integer", nullable: false),
                    purchases = table.Column<int>(type: "integer", nullable: false),
                    complaints_opened = table.Column<int>(type: "integer", nullable: false),
                    compensation_amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_branch_day_counts", x => new { x.tenant_id, x.branch, x.day });
                });

            // The monthly NPS counts cannot be split into days; kept on each month's first day, they still add up
            // for any window of whole months, which is all the monthly table could answer.
            migrationBuilder.Sql(
                """
                INSERT INTO branch_day_counts (tenant_id, branch, day, promoters, passives, detractors, csat_answers, csat_satisfied,
                    ces_answers, ces_total, survey_responses, survey_invitations, purchases, complaints_opened, compensation_amount)
                SELECT tenant_id, branch, period_start, promoters, passives, detractors, 0, 0, 0, 0, 0, 0, 0, 0, 0
                FROM branch_period_scores
                """);

            migrationBuilder.DropTable(
                name: "branch_period_scores");

            migrationBuilder.CreateTable(
                name: "follow_ups",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    interaction_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => new { x.tenant_id, x.interaction_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_branch_due_at",
                table: "follow_ups",
                columns: new[] { "tenant_id", "branch", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "branch_day_counts");

            migrationBuilder.DropTable(
                name: "follow_ups");

            migrationBuilder.CreateTable(
                name: "branch_period_scores",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    detractors = table.Column<int>(type: "integer", nullable: false),
                    passives = table.Column<int>(type: "integer", nullable: false),
                    promoters = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_branch_period_scores", x => new { x.tenant_id, x.branch, x.period_start });
                });
        }
    }
}
