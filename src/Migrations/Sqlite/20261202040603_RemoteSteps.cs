using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RemoteSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "remote_steps",
                columns: table => new
                {
                    HandoverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Log = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    Canonical = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remote_steps", x => x.HandoverId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_remote_steps_LetterId",
                table: "remote_steps",
                column: "LetterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "remote_steps");
        }
    }
}
