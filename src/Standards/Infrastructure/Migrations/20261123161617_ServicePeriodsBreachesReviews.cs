using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Standards.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ServicePeriodsBreachesReviews : Migration
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
                name: "closed_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    length = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    end = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_periods", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "complaint_clocks",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reopened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reopened_resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    waiting_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_wait_ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paused_before_first_resolution = table.Column<TimeSpan>(type: "interval", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_clocks", x => new { x.tenant_id, x.complaint_id });
                });

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

            migrationBuilder.CreateTable(
                name: "period_close_dues",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_period_close_dues", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "review_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    standard_id = table.Column<Guid>(type: "uuid", nullable: false),
                    standard_version = table.Column<int>(type: "integer", nullable: false),
                    metric = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    actual = table.Column<decimal>(type: "numeric", nullable: true),
                    target = table.Column<decimal>(type: "numeric", nullable: false),
                    breached_complaint_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    outcome_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    outcome_policy_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome_policy_version = table.Column<int>(type: "integer", nullable: true),
                    outcome_standard_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome_standard_version = table.Column<int>(type: "integer", nullable: true),
                    outcome_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    outcome_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    communicated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_actions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_period_settings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    length = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    first_period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    close_after_hours = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_period_settings", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "staff_suggestions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_suggestions", x => new { x.tenant_id, x.feedback_id });
                });

            migrationBuilder.CreateTable(
                name: "closed_period_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    standard_id = table.Column<Guid>(type: "uuid", nullable: false),
                    standard_version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    metric = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    comparator = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    target = table.Column<decimal>(type: "numeric", nullable: false),
                    warning = table.Column<decimal>(type: "numeric", nullable: true),
                    actual = table.Column<decimal>(type: "numeric", nullable: true),
                    sample_size = table.Column<long>(type: "bigint", nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_period_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_closed_period_results_closed_periods_period_id",
                        column: x => x.period_id,
                        principalTable: "closed_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "complaint_deadlines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    standard_id = table.Column<Guid>(type: "uuid", nullable: false),
                    standard_version = table.Column<int>(type: "integer", nullable: false),
                    metric = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    clock = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    warn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    warned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    breached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_check_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_deadlines", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_deadlines_complaint_clocks_tenant_id_complaint_id",
                        columns: x => new { x.tenant_id, x.complaint_id },
                        principalTable: "complaint_clocks",
                        principalColumns: new[] { "tenant_id", "complaint_id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_complaint_deadlines_service_standards_standard_id",
                        column: x => x.standard_id,
                        principalTable: "service_standards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "closed_period_failings",
                columns: table => new
                {
                    result_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_period_failings", x => new { x.result_id, x.position });
                    table.ForeignKey(
                        name: "fk_closed_period_failings_closed_period_results_result_id",
                        column: x => x.result_id,
                        principalTable: "closed_period_results",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "standard_breaches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deadline_id = table.Column<Guid>(type: "uuid", nullable: false),
                    standard_id = table.Column<Guid>(type: "uuid", nullable: false),
                    standard_version = table.Column<int>(type: "integer", nullable: false),
                    metric = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    clock = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_standard_breaches", x => x.id);
                    table.ForeignKey(
                        name: "fk_standard_breaches_complaint_deadlines_deadline_id",
                        column: x => x.deadline_id,
                        principalTable: "complaint_deadlines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_closed_period_results_period_id",
                table: "closed_period_results",
                column: "period_id");

            migrationBuilder.CreateIndex(
                name: "ix_closed_period_results_tenant_period",
                table: "closed_period_results",
                columns: new[] { "tenant_id", "period_id" });

            migrationBuilder.CreateIndex(
                name: "ux_closed_periods_tenant_start",
                table: "closed_periods",
                columns: new[] { "tenant_id", "start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaint_clocks_tenant_received",
                table: "complaint_clocks",
                columns: new[] { "tenant_id", "received_at", "branch" });

            migrationBuilder.CreateIndex(
                name: "ix_complaint_deadlines_next_check",
                table: "complaint_deadlines",
                column: "next_check_at",
                filter: "next_check_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_deadlines_standard_id",
                table: "complaint_deadlines",
                column: "standard_id");

            migrationBuilder.CreateIndex(
                name: "ux_complaint_deadlines_complaint_standard_clock",
                table: "complaint_deadlines",
                columns: new[] { "tenant_id", "complaint_id", "standard_id", "clock", "started_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_branch_due_at",
                table: "follow_ups",
                columns: new[] { "tenant_id", "branch", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_period_close_dues_due_at",
                table: "period_close_dues",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_review_actions_tenant_opened_at",
                table: "review_actions",
                columns: new[] { "tenant_id", "opened_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_review_actions_tenant_waiting_policy",
                table: "review_actions",
                columns: new[] { "tenant_id", "outcome_policy_id", "outcome_policy_version" },
                filter: "status = 'Changed'");

            migrationBuilder.CreateIndex(
                name: "ux_review_actions_tenant_period_standard_branch",
                table: "review_actions",
                columns: new[] { "tenant_id", "period_id", "standard_id", "branch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_suggestions_tenant_branch_occurred_at",
                table: "staff_suggestions",
                columns: new[] { "tenant_id", "branch", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_standard_breaches_tenant_complaint",
                table: "standard_breaches",
                columns: new[] { "tenant_id", "complaint_id" });

            migrationBuilder.CreateIndex(
                name: "ix_standard_breaches_tenant_occurred",
                table: "standard_breaches",
                columns: new[] { "tenant_id", "occurred_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_standard_breaches_deadline",
                table: "standard_breaches",
                column: "deadline_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "branch_day_counts");

            migrationBuilder.DropTable(
                name: "closed_period_failings");

            migrationBuilder.DropTable(
                name: "follow_ups");

            migrationBuilder.DropTable(
                name: "period_close_dues");

            migrationBuilder.DropTable(
                name: "review_actions");

            migrationBuilder.DropTable(
                name: "service_period_settings");

            migrationBuilder.DropTable(
                name: "staff_suggestions");

            migrationBuilder.DropTable(
                name: "standard_breaches");

            migrationBuilder.DropTable(
                name: "closed_period_results");

            migrationBuilder.DropTable(
                name: "complaint_deadlines");

            migrationBuilder.DropTable(
                name: "closed_periods");

            migrationBuilder.DropTable(
                name: "complaint_clocks");

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
