using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegisterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_letters_InReplyTo",
                table: "letters",
                column: "InReplyTo");

            migrationBuilder.CreateIndex(
                name: "IX_letters_RegisteredAt_Id",
                table: "letters",
                columns: new[] { "RegisteredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_handovers_FromInstitution",
                table: "handovers",
                column: "FromInstitution");

            migrationBuilder.CreateIndex(
                name: "IX_handovers_ToInstitution",
                table: "handovers",
                column: "ToInstitution");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_letters_InReplyTo",
                table: "letters");

            migrationBuilder.DropIndex(
                name: "IX_letters_RegisteredAt_Id",
                table: "letters");

            migrationBuilder.DropIndex(
                name: "IX_handovers_FromInstitution",
                table: "handovers");

            migrationBuilder.DropIndex(
                name: "IX_handovers_ToInstitution",
                table: "handovers");
        }
    }
}
