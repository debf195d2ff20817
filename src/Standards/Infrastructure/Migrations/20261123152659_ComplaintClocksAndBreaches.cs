using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Standards.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintClocksAndBreaches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "standard_breaches");

            migrationBuilder.DropTable(
                name: "complaint_deadlines");

            migrationBuilder.DropTable(
                name: "complaint_clocks");
        }
    }
}
