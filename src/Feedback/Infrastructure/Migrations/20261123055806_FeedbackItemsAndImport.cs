using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Feedback.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackItemsAndImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "rating",
                table: "feedback_items",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<string>(
                name: "about_reference",
                table: "feedback_items",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "about_type",
                table: "feedback_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Branch");

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "feedback_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "from",
                table: "feedback_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Customer");

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "feedback_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Rating");

            migrationBuilder.AddColumn<string>(
                name: "staff_member",
                table: "feedback_items",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "tags",
                table: "feedback_items",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            // Rows written before kinds existed were all plain customer ratings about the branch they were given at.
            migrationBuilder.Sql("UPDATE feedback_items SET about_reference = branch;");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_items_tags",
                table: "feedback_items",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_items_tenant_kind_from_received_at",
                table: "feedback_items",
                columns: new[] { "tenant_id", "kind", "from", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_items_tenant_received_at",
                table: "feedback_items",
                columns: new[] { "tenant_id", "received_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_feedback_items_tags",
                table: "feedback_items");

            migrationBuilder.DropIndex(
                name: "ix_feedback_items_tenant_kind_from_received_at",
                table: "feedback_items");

            migrationBuilder.DropIndex(
                name: "ix_feedback_items_tenant_received_at",
                table: "feedback_items");

            migrationBuilder.DropColumn(
                name: "about_reference",
                table: "feedback_items");

            migrationBuilder.DropColumn(
                name: "about_type",
                table: "feedback_items");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "feedback_items");

            migrationBuilder.DropColumn(
                name: "from",
                table: "feedback_items");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "feedback_items");

            migrationBuilder.DropColumn(
                name: "staff_member",
                table: "feedback_items");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "feedback_items");

            migrationBuilder.AlterColumn<int>(
                name: "rating",
                table: "feedback_items",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
