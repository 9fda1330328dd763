using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeafFormat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_format",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LeafFormat = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_format", x => x.Id);
                });

            // A store created empty commits to events by their digest (2); one that already holds events keeps the
            // canonical-bytes leaves its checkpoints were signed over (1).
            migrationBuilder.Sql("INSERT INTO ledger_format (\"Id\", \"LeafFormat\") SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM events) THEN 1 ELSE 2 END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_format");
        }
    }
}
