using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Standards.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ServicePeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_period_close_dues_due_at",
                table: "period_close_dues",
                column: "due_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "closed_period_failings");

            migrationBuilder.DropTable(
                name: "period_close_dues");

            migrationBuilder.DropTable(
                name: "service_period_settings");

            migrationBuilder.DropTable(
                name: "closed_period_results");

            migrationBuilder.DropTable(
                name: "closed_periods");
        }
    }
}
