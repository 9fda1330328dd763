using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Postgres
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
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "peer_faults",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Proof");

            migrationBuilder.AddColumn<long>(
                name: "WitnessIndex",
                table: "node_identity",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WitnessKey",
                table: "node_identity",
                type: "character varying(400)",
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
