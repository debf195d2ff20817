using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Feedback.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StandardsComplaintTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "acknowledge_standard_standard_id",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "acknowledge_standard_version",
                table: "complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "resolve_standard_standard_id",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "resolve_standard_version",
                table: "complaints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "standards_sequence",
                table: "complaint_targets",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "acknowledge_standard_standard_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "acknowledge_standard_version",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "resolve_standard_standard_id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "resolve_standard_version",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "standards_sequence",
                table: "complaint_targets");
        }
    }
}
