using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Loyalty.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AccountReferrerAndBirthday : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "next_birthday_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "referred_by_customer_id",
                table: "accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_next_birthday_at",
                table: "accounts",
                column: "next_birthday_at",
                filter: "next_birthday_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_accounts_next_birthday_at",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "birthday",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "birthday_as_of",
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
