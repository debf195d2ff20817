using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerPlatform.Feedback.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SurveyTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_consents",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    granted = table.Column<bool>(type: "boolean", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_consents", x => new { x.tenant_id, x.customer_id, x.channel });
                });

            migrationBuilder.CreateTable(
                name: "scheduled_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger_key = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    channels = table.Column<string>(type: "jsonb", nullable: false),
                    quiet_period_days = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    skip_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_scheduled_invitations_survey_templates_survey_id",
                        column: x => x.survey_id,
                        principalTable: "survey_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_triggers",
                columns: table => new
                {
                    survey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    triggers = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_triggers", x => new { x.tenant_id, x.survey_id });
                    table.ForeignKey(
                        name: "fk_survey_triggers_survey_templates_survey_id",
                        column: x => x.survey_id,
                        principalTable: "survey_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_invitations_pending_due_at",
                table: "scheduled_invitations",
                column: "due_at",
                filter: "state = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_invitations_survey_id",
                table: "scheduled_invitations",
                column: "survey_id");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_invitations_tenant_customer",
                table: "scheduled_invitations",
                columns: new[] { "tenant_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_invitations_tenant_survey_created_at",
                table: "scheduled_invitations",
                columns: new[] { "tenant_id", "survey_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_scheduled_invitations_tenant_survey_source",
                table: "scheduled_invitations",
                columns: new[] { "tenant_id", "survey_id", "reason", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_triggers_survey_id",
                table: "survey_triggers",
                column: "survey_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_consents");

            migrationBuilder.DropTable(
                name: "scheduled_invitations");

            migrationBuilder.DropTable(
                name: "survey_triggers");
        }
    }
}
