using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Feedback.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "acknowledge_due_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "acknowledge_met",
                table: "complaints",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "acknowledge_within_minutes",
                table: "complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "acknowledged_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "clock",
                table: "complaints",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "first_resolution_met",
                table: "complaints",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_due_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolve_due_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "resolve_met",
                table: "complaints",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "resolve_within_minutes",
                table: "complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolved_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "targets_version",
                table: "complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "waiting_since",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "branches",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    opening_hours = table.Column<string>(type: "jsonb", nullable: false),
                    holidays = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_branches", x => new { x.tenant_id, x.code });
                });

            migrationBuilder.CreateTable(
                name: "complaint_targets",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    standard_id = table.Column<Guid>(type: "uuid", nullable: true),
                    standard_version = table.Column<int>(type: "integer", nullable: true),
                    targets = table.Column<string>(type: "jsonb", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_targets", x => new { x.tenant_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "complaint_waits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paused_minutes = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_waits", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_waits_complaints_complaint_id",
                        column: x => x.complaint_id,
                        principalTable: "complaints",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_complaints_tenant_next_due_at",
                table: "complaints",
                columns: new[] { "tenant_id", "next_due_at" },
                filter: "next_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_waits_complaint_id",
                table: "complaint_waits",
                column: "complaint_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_waits_tenant_complaint_started_at",
                table: "complaint_waits",
                columns: new[] { "tenant_id", "complaint_id", "started_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "branches");

            migrationBuilder.DropTable(
                name: "complaint_targets");

            migrationBuilder.DropTable(
                name: "complaint_waits");

            migrationBuilder.DropIndex(
                name: "ix_complaints_tenant_next_due_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "acknowledge_due_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "acknowledge_met",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "acknowledge_within_minutes",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "acknowledged_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "clock",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "first_resolution_met",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "next_due_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "resolve_due_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "resolve_met",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "resolve_within_minutes",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "targets_version",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "waiting_since",
                table: "complaints");
        }
    }
}
