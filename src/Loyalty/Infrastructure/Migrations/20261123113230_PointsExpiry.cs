using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Loyalty.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PointsExpiry : Migration
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

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expiry_due_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_accounts_expiry_due_at",
                table: "accounts",
                column: "expiry_due_at",
                filter: "expiry_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_expiry_notices_tenant_account",
                table: "expiry_notices",
                columns: new[] { "tenant_id", "account_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "expiry_notices");

            migrationBuilder.DropIndex(
                name: "ix_accounts_expiry_due_at",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "expiry_notice_at",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "expiry_due_at",
                table: "accounts");
        }
    }
}
