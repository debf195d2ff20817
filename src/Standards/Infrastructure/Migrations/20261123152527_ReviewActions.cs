using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Standards.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReviewActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_actions");

            migrationBuilder.DropTable(
                name: "staff_suggestions");
        }
    }
}
