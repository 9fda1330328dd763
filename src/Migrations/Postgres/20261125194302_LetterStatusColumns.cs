using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LetterStatusColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AttentionFrom",
                table: "letters",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "letters",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "AttentionFrom",
                table: "letter_parties",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "letter_parties",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_letters_AttentionFrom",
                table: "letters",
                column: "AttentionFrom");

            migrationBuilder.CreateIndex(
                name: "IX_letters_Status_RegisteredAt_Id",
                table: "letters",
                columns: new[] { "Status", "RegisteredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_letter_parties_InstitutionId_AttentionFrom",
                table: "letter_parties",
                columns: new[] { "InstitutionId", "AttentionFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_letter_parties_InstitutionId_Status_RegisteredAt_LetterId",
                table: "letter_parties",
                columns: new[] { "InstitutionId", "Status", "RegisteredAt", "LetterId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_letters_AttentionFrom",
                table: "letters");

            migrationBuilder.DropIndex(
                name: "IX_letters_Status_RegisteredAt_Id",
                table: "letters");

            migrationBuilder.DropIndex(
                name: "IX_letter_parties_InstitutionId_AttentionFrom",
                table: "letter_parties");

            migrationBuilder.DropIndex(
                name: "IX_letter_parties_InstitutionId_Status_RegisteredAt_LetterId",
                table: "letter_parties");

            migrationBuilder.DropColumn(
                name: "AttentionFrom",
                table: "letters");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "letters");

            migrationBuilder.DropColumn(
                name: "AttentionFrom",
                table: "letter_parties");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "letter_parties");
        }
    }
}
