using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Customers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Interactions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "interactions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    purpose = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    topics = table.Column<List<string>>(type: "text[]", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    staff_member = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    follow_up_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    follow_up_completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    follow_up_completed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    follow_up_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interactions", x => x.id);
                    table.ForeignKey(
                        name: "fk_interactions_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_customer_id",
                table: "interactions",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_tenant_branch_occurred_at",
                table: "interactions",
                columns: new[] { "tenant_id", "branch", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_tenant_branch_open_follow_up_due",
                table: "interactions",
                columns: new[] { "tenant_id", "branch", "follow_up_due_at", "id" },
                filter: "follow_up_due_at IS NOT NULL AND follow_up_completed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_tenant_customer_occurred_at",
                table: "interactions",
                columns: new[] { "tenant_id", "customer_id", "occurred_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_tenant_occurred_at",
                table: "interactions",
                columns: new[] { "tenant_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_interactions_tenant_open_follow_up_due",
                table: "interactions",
                columns: new[] { "tenant_id", "follow_up_due_at", "id" },
                filter: "follow_up_due_at IS NOT NULL AND follow_up_completed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_interactions_tenant_staff_open_follow_up_due",
                table: "interactions",
                columns: new[] { "tenant_id", "staff_member", "follow_up_due_at", "id" },
                filter: "follow_up_due_at IS NOT NULL AND follow_up_completed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "interactions");
        }
    }
}
