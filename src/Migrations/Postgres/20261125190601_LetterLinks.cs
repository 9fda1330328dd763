using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LetterLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CopyOf",
                table: "letters",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Embargo",
                table: "letters",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TranslationOf",
                table: "letters",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CopyOf",
                table: "letters");

            migrationBuilder.DropColumn(
                name: "Embargo",
                table: "letters");

            migrationBuilder.DropColumn(
                name: "TranslationOf",
                table: "letters");
        }
    }
}
