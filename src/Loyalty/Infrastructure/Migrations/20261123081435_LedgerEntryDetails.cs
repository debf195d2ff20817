using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Loyalty.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LedgerEntryDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_ledger_entries_tenant_type_source",
                table: "ledger_entries");

            migrationBuilder.AddColumn<string>(
                name: "actor",
                table: "ledger_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "available_at",
                table: "ledger_entries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "ledger_entries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rule_version",
                table: "ledger_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "shortfall",
                table: "ledger_entries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "ledger_entries",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            // Every entry before this migration was a purchase's earn, spendable when it was recorded.
            migrationBuilder.Sql("UPDATE ledger_entries SET source = 'Purchase', available_at = recorded_at;");

            migrationBuilder.CreateIndex(
                name: "ux_ledger_entries_tenant_type_source",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "type", "source", "source_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_ledger_entries_tenant_type_source",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "actor",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "available_at",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "reason",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "rule_version",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "shortfall",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "source",
                table: "ledger_entries");

            migrationBuilder.CreateIndex(
                name: "ux_ledger_entries_tenant_type_source",
                table: "ledger_entries",
                columns: new[] { "tenant_id", "type", "source_id" },
                unique: true);
        }
    }
}
