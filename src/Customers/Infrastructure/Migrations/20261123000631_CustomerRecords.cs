using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Customers.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CustomerRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_email",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_phone",
                table: "customers");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "accessibility_notes",
                table: "customers",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "address",
                table: "customers",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "archived_at",
                table: "customers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attributes",
                table: "customers",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "company_name",
                table: "customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "consent",
                table: "customers",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "contact_person",
                table: "customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "date_of_birth",
                table: "customers",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "emails",
                table: "customers",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "family_name",
                table: "customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "given_name",
                table: "customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Individual");

            migrationBuilder.AddColumn<List<string>>(
                name: "phones",
                table: "customers",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "preferred_channel",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preferred_language",
                table: "customers",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "rating",
                table: "customers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rating_reason",
                table: "customers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.AddColumn<string>(
                name: "special_needs",
                table: "customers",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "customers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Prospect");

            migrationBuilder.AddColumn<List<string>>(
                name: "tags",
                table: "customers",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "customers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "verified_at",
                table: "customers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            // Existing customers keep their single e-mail and phone as their primary ones, and count as verified when
            // registered; a customer with a purchase is active. The defaults above exist only for these rows.
            migrationBuilder.Sql("""
                UPDATE customers SET
                    emails = CASE WHEN email IS NULL THEN '{}' ELSE ARRAY[email] END,
                    phones = CASE WHEN phone IS NULL THEN '{}' ELSE ARRAY[phone] END,
                    updated_at = registered_at,
                    verified_at = registered_at,
                    status = CASE WHEN EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = customers.id) THEN 'Active' ELSE 'Prospect' END;
                """);

            migrationBuilder.DropColumn(
                name: "email",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "phone",
                table: "customers");

            migrationBuilder.CreateTable(
                name: "attribute_definitions",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    defined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attribute_definitions", x => new { x.tenant_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "consent_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    granted = table.Column<bool>(type: "boolean", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_consent_records_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_customers_display_name_trgm",
                table: "customers",
                column: "display_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_emails",
                table: "customers",
                column: "emails")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_customers_phones",
                table: "customers",
                column: "phones")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_customers_tags",
                table: "customers",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_display_name",
                table: "customers",
                columns: new[] { "tenant_id", "display_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_id",
                table: "customers",
                columns: new[] { "tenant_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_customer_id",
                table: "consent_records",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_consent_records_tenant_customer_occurred_at",
                table: "consent_records",
                columns: new[] { "tenant_id", "customer_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attribute_definitions");

            migrationBuilder.DropTable(
                name: "consent_records");

            migrationBuilder.DropIndex(
                name: "ix_customers_display_name_trgm",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_emails",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_phones",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tags",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_display_name",
                table: "customers");

            migrationBuilder.DropIndex(
                name: "ix_customers_tenant_id",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "accessibility_notes",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "address",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "archived_at",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "attributes",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "company_name",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "consent",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "contact_person",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "date_of_birth",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "emails",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "family_name",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "given_name",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "phones",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "preferred_channel",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "preferred_language",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "rating",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "rating_reason",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "source",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "special_needs",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "status",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "tags",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "customers");

            migrationBuilder.DropColumn(
                name: "verified_at",
                table: "customers");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "customers",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "phone",
                table: "customers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_email",
                table: "customers",
                columns: new[] { "tenant_id", "email" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_tenant_phone",
                table: "customers",
                columns: new[] { "tenant_id", "phone" });
        }
    }
}
