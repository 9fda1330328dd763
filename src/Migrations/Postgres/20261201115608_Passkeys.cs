using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Passkeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "passkeys",
                columns: table => new
                {
                    CredentialId = table.Column<string>(type: "character varying(1400)", maxLength: 1400, nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublicKey = table.Column<string>(type: "text", nullable: false),
                    RpId = table.Column<string>(type: "text", nullable: false),
                    Label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegisteredIndex = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passkeys", x => x.CredentialId);
                });

            migrationBuilder.CreateTable(
                name: "personal_signatures",
                columns: table => new
                {
                    Step = table.Column<long>(type: "bigint", nullable: false),
                    LetterId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    CredentialId = table.Column<string>(type: "text", nullable: false),
                    AuthenticatorData = table.Column<string>(type: "text", nullable: false),
                    ClientData = table.Column<string>(type: "text", nullable: false),
                    Signature = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_signatures", x => x.Step);
                });

            migrationBuilder.CreateIndex(
                name: "IX_passkeys_AccountId",
                table: "passkeys",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_personal_signatures_LetterId",
                table: "personal_signatures",
                column: "LetterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "passkeys");

            migrationBuilder.DropTable(
                name: "personal_signatures");
        }
    }
}
