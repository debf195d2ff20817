using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Feedback.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SurveyResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "survey_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_version = table.Column<int>(type: "integer", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    nps = table.Column<int>(type: "integer", nullable: true),
                    csat = table.Column<int>(type: "integer", nullable: true),
                    ces = table.Column<int>(type: "integer", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_responses_survey_versions_tenant_id_survey_id_survey",
                        columns: x => new { x.tenant_id, x.survey_id, x.survey_version },
                        principalTable: "survey_versions",
                        principalColumns: new[] { "tenant_id", "survey_id", "number" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_tenant_customer",
                table: "survey_responses",
                columns: new[] { "tenant_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_tenant_id_survey_id_survey_version",
                table: "survey_responses",
                columns: new[] { "tenant_id", "survey_id", "survey_version" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_responses_tenant_survey_answered_at",
                table: "survey_responses",
                columns: new[] { "tenant_id", "survey_id", "answered_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_responses");
        }
    }
}
