using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Postgres
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
                type: "text",
                nullable: false,
                // The tally of a letter with no hand-overs; a store with events is re-projected after this migration.
                defaultValue: "{\"Chain\":0,\"Unconfirmed\":0,\"Disputed\":0,\"BrokenSeals\":0,\"OffRoute\":false,\"Last\":null,\"LastConfirmed\":null}");

            migrationBuilder.AddColumn<bool>(
                name: "Carried",
                table: "letter_parties",
                type: "boolean",
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
