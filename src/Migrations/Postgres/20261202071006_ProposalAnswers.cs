using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProposalAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PartnerAccepted",
                table: "proposals",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PartnerAnsweredAt",
                table: "proposals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PartnerReason",
                table: "proposals",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PartnerAccepted",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "PartnerAnsweredAt",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "PartnerReason",
                table: "proposals");
        }
    }
}
