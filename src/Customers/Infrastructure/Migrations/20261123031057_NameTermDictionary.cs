using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Customers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class NameTermDictionary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_display_name_trgm",
                table: "customers");

            migrationBuilder.AddColumn<string[]>(
                name: "name_terms",
                table: "customers",
                type: "text[]",
                nullable: true,
                computedColumnSql: "array_remove(regexp_split_to_array(lower(display_name), '[^[:alnum:]]+'), '')",
                stored: true);

            migrationBuilder.CreateTable(
                name: "customer_name_terms",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_name_terms", x => new { x.tenant_id, x.term });
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_name_terms",
                table: "customers",
                column: "name_terms")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_customer_name_terms_term_trgm",
                table: "customer_name_terms",
                column: "term")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" })
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            // The dictionary is kept by the database, so every way a customer is written (EF, an import's
            // INSERT ... SELECT, COPY) keeps it whole. Statement-level with transition tables: an import batch of
            // 10,000 customers is one INSERT of its distinct words, not 10,000. ON CONFLICT DO NOTHING takes no lock on a
            // word that exists, so registrations sharing a common name never queue behind each other. A word no customer
            // of the business has any more is removed, so an erased name leaves nothing behind; a registration that
            // brings the word back at that very moment may miss it (it is found again by its other words, and on its
            // next rename).
            migrationBuilder.Sql("""
                CREATE FUNCTION customers_name_terms_added() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO customer_name_terms (tenant_id, term)
                    SELECT DISTINCT n.tenant_id, t.term FROM new_rows n CROSS JOIN LATERAL unnest(n.name_terms) AS t(term)
                    ORDER BY 1, 2
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION customers_name_terms_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO customer_name_terms (tenant_id, term)
                    SELECT DISTINCT n.tenant_id, t.term
                    FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.name_terms IS DISTINCT FROM n.name_terms
                    CROSS JOIN LATERAL unnest(n.name_terms) AS t(term)
                    ORDER BY 1, 2
                    ON CONFLICT DO NOTHING;
                    DELETE FROM customer_name_terms d
                    USING (SELECT DISTINCT o.tenant_id, t.term
                           FROM old_rows o JOIN new_rows n ON n.id = o.id AND o.name_terms IS DISTINCT FROM n.name_terms
                           CROSS JOIN LATERAL unnest(o.name_terms) AS t(term)
                           WHERE NOT (t.term = ANY (coalesce(n.name_terms, '{}')))) gone
                    WHERE d.tenant_id = gone.tenant_id AND d.term = gone.term
                      AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.tenant_id = gone.tenant_id AND c.name_terms @> ARRAY[gone.term]);
                    RETURN NULL;
                END $$;

                CREATE TRIGGER customers_name_terms_insert AFTER INSERT ON customers
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_name_terms_added();
                CREATE TRIGGER customers_name_terms_update AFTER UPDATE ON customers
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION customers_name_terms_changed();

                INSERT INTO customer_name_terms (tenant_id, term)
                SELECT DISTINCT c.tenant_id, t.term FROM customers c CROSS JOIN LATERAL unnest(c.name_terms) AS t(term)
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER customers_name_terms_update ON customers;
                DROP TRIGGER customers_name_terms_insert ON customers;
                DROP FUNCTION customers_name_terms_changed();
                DROP FUNCTION customers_name_terms_added();
                """);

            migrationBuilder.DropTable(
                name: "customer_name_terms");

            migrationBuilder.DropIndex(
                name: "ix_customers_name_terms",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "name_terms",
                table: "customers");

            migrationBuilder.CreateIndex(
                name: "ix_customers_display_name_trgm",
                table: "customers",
                column: "display_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
