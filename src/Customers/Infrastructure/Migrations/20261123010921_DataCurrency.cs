using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Customers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DataCurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "merged_into",
                table: "customers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "postcode_key",
                table: "customers",
                type: "text",
                nullable: true,
                computedColumnSql: "upper(replace(address ->> 'postalCode', ' ', ''))",
                stored: true);

            migrationBuilder.CreateTable(
                name: "data_currency_settings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    verification_months = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_currency_settings", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "duplicate_candidates",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_a = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_b = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<decimal>(type: "numeric(4,3)", precision: 4, scale: 3, nullable: false),
                    reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    found_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duplicate_candidates", x => new { x.tenant_id, x.customer_a, x.customer_b });
                });

            migrationBuilder.CreateTable(
                name: "duplicate_dismissals",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_a = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_b = table.Column<Guid>(type: "uuid", nullable: false),
                    dismissed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duplicate_dismissals", x => new { x.tenant_id, x.customer_a, x.customer_b });
                });

            migrationBuilder.CreateTable(
                name: "duplicate_scans",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scanned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    pairs = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_duplicate_scans", x => x.tenant_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_postcode_key",
                table: "customers",
                columns: new[] { "tenant_id", "postcode_key" },
                filter: "archived_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_verified_at",
                table: "customers",
                columns: new[] { "tenant_id", "verified_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_duplicate_candidates_tenant_score",
                table: "duplicate_candidates",
                columns: new[] { "tenant_id", "score", "customer_a", "customer_b" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_currency_settings");

            migrationBuilder.DropTable(
                name: "duplicate_candidates");

            migrationBuilder.DropTable(
                name: "duplicate_dismissals");

            migrationBuilder.DropTable(
                name: "duplicate_scans");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_postcode_key",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_verified_at",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "postcode_key",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "merged_into",
                table: "customers");
        }
    }
}
