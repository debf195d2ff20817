using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Loyalty.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TiersExpiryBonuses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expires_at",
                table: "ledger_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expiry_notice_at",
                table: "ledger_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "birthday",
                table: "accounts",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "birthday_as_of",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expiry_due_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_birthday_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "referred_by_customer_id",
                table: "accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "account_tiers",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rule_version = table.Column<int>(type: "integer", nullable: false),
                    qualifying_value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    downgrade_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_tiers", x => x.account_id);
                    table.ForeignKey(
                        name: "fk_account_tiers_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "expiry_notices",
                columns: table => new
                {
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    noticed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expiry_notices", x => x.entry_id);
                    table.ForeignKey(
                        name: "fk_expiry_notices_ledger_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "ledger_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tier_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    to_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    direction = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    qualifying_value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    basis = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    rule_version = table.Column<int>(type: "integer", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tier_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_tier_changes_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_expiry_due_at",
                table: "accounts",
                column: "expiry_due_at",
                filter: "expiry_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_next_birthday_at",
                table: "accounts",
                column: "next_birthday_at",
                filter: "next_birthday_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_account_tiers_due_at",
                table: "account_tiers",
                column: "due_at",
                filter: "due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_expiry_notices_tenant_account",
                table: "expiry_notices",
                columns: new[] { "tenant_id", "account_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tier_changes_account_id",
                table: "tier_changes",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_tier_changes_tenant_account_occurred_at",
                table: "tier_changes",
                columns: new[] { "tenant_id", "account_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_tiers");

            migrationBuilder.DropTable(
                name: "expiry_notices");

            migrationBuilder.DropTable(
                name: "tier_changes");

            migrationBuilder.DropIndex(
                name: "ix_accounts_expiry_due_at",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_accounts_next_birthday_at",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "expiry_notice_at",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "birthday",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "birthday_as_of",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "expiry_due_at",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "next_birthday_at",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "referred_by_customer_id",
                table: "accounts");
        }
    }
}
