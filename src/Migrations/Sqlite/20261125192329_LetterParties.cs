using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LetterParties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "letter_parties",
                columns: table => new
                {
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_parties", x => new { x.LetterId, x.InstitutionId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_letter_parties_InstitutionId_RegisteredAt_LetterId",
                table: "letter_parties",
                columns: new[] { "InstitutionId", "RegisteredAt", "LetterId" });

            // Backfill from the existing projections, so stores that already hold letters need no rebuild.
            migrationBuilder.Sql("""
                INSERT INTO letter_parties ("LetterId", "InstitutionId", "RegisteredAt")
                SELECT "Id", "Registry", "RegisteredAt" FROM letters
                UNION SELECT "Id", "SenderInstitution", "RegisteredAt" FROM letters
                UNION SELECT "Id", "AddresseeInstitution", "RegisteredAt" FROM letters
                UNION SELECT r."LetterId", r."ToInstitution", l."RegisteredAt" FROM letter_route r JOIN letters l ON l."Id" = r."LetterId"
                UNION SELECT h."LetterId", h."FromInstitution", l."RegisteredAt" FROM handovers h JOIN letters l ON l."Id" = h."LetterId"
                UNION SELECT h."LetterId", h."ToInstitution", l."RegisteredAt" FROM handovers h JOIN letters l ON l."Id" = h."LetterId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "letter_parties");
        }
    }
}
