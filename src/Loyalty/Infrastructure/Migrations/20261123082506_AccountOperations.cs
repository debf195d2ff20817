using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Loyalty.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AccountOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "purchase_amount",
                table: "ledger_entries",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "reversed_entry_id",
                table: "ledger_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_account_id",
                table: "accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_tenant_reversed_entry",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "reversed_entry_id" },
                filter: "reversed_entry_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_merged_into_account_id",
                table: "accounts",
                column: "merged_into_account_id");

            migrationBuilder.AddForeignKey(
                name: "fk_accounts_accounts_merged_into_account_id",
                table: "accounts",
                column: "merged_into_account_id",
                principalTable: "accounts",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_accounts_accounts_merged_into_account_id",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_ledger_entries_tenant_reversed_entry",
                table: "ledger_entries");

            migrationBuilder.DropIndex(
                name: "ix_accounts_merged_into_account_id",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "purchase_amount",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "reversed_entry_id",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "merged_into_account_id",
                table: "accounts");
        }
    }
}
