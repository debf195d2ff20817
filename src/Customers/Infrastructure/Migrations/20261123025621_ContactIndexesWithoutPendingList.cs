using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Customers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ContactIndexesWithoutPendingList : Migration
    {
        // ALTER rather than the drop and re-create EF generates: instant on a large table. Turning the pending list off
        // keeps what is already in it, so it is merged into the index at once.
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER INDEX ix_customers_emails SET (fastupdate = off);
                ALTER INDEX ix_customers_phones SET (fastupdate = off);
                SELECT gin_clean_pending_list('ix_customers_emails');
                SELECT gin_clean_pending_list('ix_customers_phones');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER INDEX ix_customers_emails RESET (fastupdate);
                ALTER INDEX ix_customers_phones RESET (fastupdate);
                """);
        }
    }
}
