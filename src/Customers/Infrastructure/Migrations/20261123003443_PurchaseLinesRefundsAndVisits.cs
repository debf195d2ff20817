using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Customers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PurchaseLinesRefundsAndVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_purchases_tenant_customer_occurred_at",
                table: "purchases");

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "purchases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "external_reference",
                table: "purchases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "refunded_amount",
                table: "purchases",
                type: "numeric(19,4)",
                precision: 19,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "voided_at",
                table: "purchases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddUniqueConstraint(
                name: "ak_purchases_tenant_id",
                table: "purchases",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.CreateTable(
                name: "purchase_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purchase_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line_number = table.Column<int>(type: "integer", nullable: false),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    quantity = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_purchase_lines_purchases_tenant_id_purchase_id",
                        columns: x => new { x.tenant_id, x.purchase_id },
                        principalTable: "purchases",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "purchase_refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purchase_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    remaining_amount = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_refunds", x => x.id);
                    table.ForeignKey(
                        name: "fk_purchase_refunds_purchases_tenant_id_purchase_id",
                        columns: x => new { x.tenant_id, x.purchase_id },
                        principalTable: "purchases",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    staff_member = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    service = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    duration_minutes = table.Column<int>(type: "integer", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_visits_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_purchases_tenant_customer_occurred_at",
                table: "purchases",
                columns: new[] { "tenant_id", "customer_id", "occurred_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_purchases_tenant_external_reference",
                table: "purchases",
                columns: new[] { "tenant_id", "external_reference" },
                unique: true,
                filter: "external_reference IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_purchase_lines_tenant_category",
                table: "purchase_lines",
                columns: new[] { "tenant_id", "category" });

            migrationBuilder.CreateIndex(
                name: "ux_purchase_lines_tenant_purchase_line",
                table: "purchase_lines",
                columns: new[] { "tenant_id", "purchase_id", "line_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_purchase_refunds_tenant_purchase_occurred_at",
                table: "purchase_refunds",
                columns: new[] { "tenant_id", "purchase_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_service_visits_customer_id",
                table: "service_visits",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_visits_tenant_customer_occurred_at",
                table: "service_visits",
                columns: new[] { "tenant_id", "customer_id", "occurred_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "purchase_lines");

            migrationBuilder.DropTable(
                name: "purchase_refunds");

            migrationBuilder.DropTable(
                name: "service_visits");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_purchases_tenant_id",
                table: "purchases");

            migrationBuilder.DropIndex(
                name: "ix_purchases_tenant_customer_occurred_at",
                table: "purchases");

            migrationBuilder.DropIndex(
                name: "ux_purchases_tenant_external_reference",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "external_reference",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "refunded_amount",
                table: "purchases");

            migrationBuilder.DropColumn(
                name: "voided_at",
                table: "purchases");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_tenant_customer_occurred_at",
                table: "purchases",
                columns: new[] { "tenant_id", "customer_id", "occurred_at" });
        }
    }
}
