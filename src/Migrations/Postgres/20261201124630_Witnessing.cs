using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Witnessing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "witness_split_views",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Origin = table.Column<string>(type: "text", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    CosignedNote = table.Column<string>(type: "text", nullable: false),
                    ConflictingNote = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_witness_split_views", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "witness_state",
                columns: table => new
                {
                    Origin = table.Column<string>(type: "text", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Root = table.Column<byte[]>(type: "bytea", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_witness_state", x => x.Origin);
                });

            migrationBuilder.CreateTable(
                name: "witness_trusted_logs",
                columns: table => new
                {
                    Origin = table.Column<string>(type: "text", nullable: false),
                    VerifierKey = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_witness_trusted_logs", x => x.Origin);
                });

            migrationBuilder.CreateIndex(
                name: "IX_witness_split_views_Origin",
                table: "witness_split_views",
                column: "Origin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "witness_split_views");

            migrationBuilder.DropTable(
                name: "witness_state");

            migrationBuilder.DropTable(
                name: "witness_trusted_logs");
        }
    }
}
