using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StepsProvedElsewhere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LogKey",
                table: "remote_steps",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Proof",
                table: "remote_steps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "remote_answers",
                columns: table => new
                {
                    HandoverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Log = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    Canonical = table.Column<byte[]>(type: "BLOB", nullable: false),
                    LogKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Proof = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remote_answers", x => x.HandoverId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_remote_answers_LetterId",
                table: "remote_answers",
                column: "LetterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "remote_answers");

            migrationBuilder.DropColumn(
                name: "LogKey",
                table: "remote_steps");

            migrationBuilder.DropColumn(
                name: "Proof",
                table: "remote_steps");
        }
    }
}
