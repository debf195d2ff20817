using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Customers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Segments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_metrics",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purchase_count = table.Column<int>(type: "integer", nullable: false),
                    total_spent = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: true),
                    first_purchase_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_purchase_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recency_score = table.Column<short>(type: "smallint", nullable: true),
                    frequency_score = table.Column<short>(type: "smallint", nullable: true),
                    monetary_score = table.Column<short>(type: "smallint", nullable: true),
                    rfm_cell = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    value_tier = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_metrics", x => new { x.tenant_id, x.customer_id });
                    table.ForeignKey(
                        name: "fk_customer_metrics_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "metrics_rescore_requests",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metrics_rescore_requests", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "segments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    rules = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    change_generation = table.Column<long>(type: "bigint", nullable: false),
                    refreshed_generation = table.Column<long>(type: "bigint", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    member_count = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "segment_members",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    segment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_segment_members", x => new { x.tenant_id, x.segment_id, x.customer_id });
                    table.ForeignKey(
                        name: "fk_segment_members_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_segment_members_segments_segment_id",
                        column: x => x.segment_id,
                        principalTable: "segments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_home_branch",
                table: "customers",
                columns: new[] { "tenant_id", "home_branch" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_registered_at",
                table: "customers",
                columns: new[] { "tenant_id", "registered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_metrics_customer_id",
                table: "customer_metrics",
                column: "customer_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customer_metrics_tenant_last_purchase_at",
                table: "customer_metrics",
                columns: new[] { "tenant_id", "last_purchase_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_metrics_tenant_value_tier",
                table: "customer_metrics",
                columns: new[] { "tenant_id", "value_tier" });

            migrationBuilder.CreateIndex(
                name: "ix_segment_members_customer_id",
                table: "segment_members",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_segment_members_segment_id",
                table: "segment_members",
                column: "segment_id");

            migrationBuilder.CreateIndex(
                name: "ix_segments_tenant_name",
                table: "segments",
                columns: new[] { "tenant_id", "name" },
                unique: true,
                filter: "deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_metrics");

            migrationBuilder.DropTable(
                name: "metrics_rescore_requests");

            migrationBuilder.DropTable(
                name: "segment_members");

            migrationBuilder.DropTable(
                name: "segments");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_home_branch",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_registered_at",
                table: "customers");
        }
    }
}
