using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MutualWitnessing : Migration
    {
        /// <inheritdoc />
        // Faults kept before this migration were all proofs that did not hold.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "peer_faults",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "peer_faults",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Proof");

            migrationBuilder.AddColumn<long>(
                name: "WitnessIndex",
                table: "node_identity",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WitnessKey",
                table: "node_identity",
                type: "TEXT",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "peer_faults");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "peer_faults");

            migrationBuilder.DropColumn(
                name: "WitnessIndex",
                table: "node_identity");

            migrationBuilder.DropColumn(
                name: "WitnessKey",
                table: "node_identity");
        }
    }
}
