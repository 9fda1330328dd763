using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustodyTally : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Custody",
                table: "letters",
                type: "TEXT",
                nullable: false,
                // The tally of a letter with no hand-overs; a store with events is re-projected after this migration.
                defaultValue: "{\"Chain\":0,\"Unconfirmed\":0,\"Disputed\":0,\"BrokenSeals\":0,\"OffRoute\":false,\"Last\":null,\"LastConfirmed\":null}");

            migrationBuilder.AddColumn<bool>(
                name: "Carried",
                table: "letter_parties",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Custody",
                table: "letters");

            migrationBuilder.DropColumn(
                name: "Carried",
                table: "letter_parties");
        }
    }
}
