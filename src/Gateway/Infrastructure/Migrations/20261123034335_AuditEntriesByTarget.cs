using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Gateway.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AuditEntriesByTarget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_tenant_target",
                table: "audit_entries",
                columns: new[] { "tenant_id", "target_id", "occurred_at" },
                filter: "target_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_tenant_target",
                table: "audit_entries");
        }
    }
}
