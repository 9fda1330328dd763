using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Postgres
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
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Proof",
                table: "remote_steps",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "remote_answers",
                columns: table => new
                {
                    HandoverId = table.Column<Guid>(type: "uuid", nullable: false),
                    LetterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Log = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Index = table.Column<long>(type: "bigint", nullable: false),
                    Canonical = table.Column<byte[]>(type: "bytea", nullable: false),
                    LogKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Proof = table.Column<string>(type: "text", nullable: true)
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
