using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Feedback.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ClosedLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "follow_up_answered_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "follow_up_csat",
                table: "complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "follow_up_nps",
                table: "complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "follow_up_response_id",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "recovered",
                table: "complaints",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "source_response_id",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "closed_loop_settings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    nps_at_or_below = table.Column<int>(type: "integer", nullable: false),
                    csat_at_or_below = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_loop_settings", x => new { x.tenant_id, x.survey_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_tenant_response",
                table: "survey_invitations",
                columns: new[] { "tenant_id", "response_id" },
                filter: "response_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_complaints_tenant_source_response",
                table: "complaints",
                columns: new[] { "tenant_id", "source_response_id" },
                unique: true,
                filter: "source_response_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "closed_loop_settings");

            migrationBuilder.DropIndex(
                name: "ix_survey_invitations_tenant_response",
                table: "survey_invitations");

            migrationBuilder.DropIndex(
                name: "ux_complaints_tenant_source_response",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "follow_up_answered_at",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "follow_up_csat",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "follow_up_nps",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "follow_up_response_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "recovered",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "source_response_id",
                table: "complaints");
        }
    }
}
