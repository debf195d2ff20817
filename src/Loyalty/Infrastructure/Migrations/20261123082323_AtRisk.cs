using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Loyalty.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AtRisk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "at_risk_settings",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    factor = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    min_purchases = table.Column<int>(type: "integer", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_at_risk_settings", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "purchase_rhythms",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_purchase_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_purchase_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    purchase_count = table.Column<int>(type: "integer", nullable: false),
                    lapse_announced_for = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchase_rhythms", x => x.account_id);
                    table.ForeignKey(
                        name: "fk_purchase_rhythms_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_purchase_rhythms_tenant_last_purchase_at",
                table: "purchase_rhythms",
                columns: new[] { "tenant_id", "last_purchase_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "at_risk_settings");

            migrationBuilder.DropTable(
                name: "purchase_rhythms");
        }
    }
}
