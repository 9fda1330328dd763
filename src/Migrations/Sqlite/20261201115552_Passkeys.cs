using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
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
                    CredentialId = table.Column<string>(type: "TEXT", maxLength: 1400, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublicKey = table.Column<string>(type: "TEXT", nullable: false),
                    RpId = table.Column<string>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RegisteredIndex = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passkeys", x => x.CredentialId);
                });

            migrationBuilder.CreateTable(
                name: "personal_signatures",
                columns: table => new
                {
                    Step = table.Column<long>(type: "INTEGER", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CredentialId = table.Column<string>(type: "TEXT", nullable: false),
                    AuthenticatorData = table.Column<string>(type: "TEXT", nullable: false),
                    ClientData = table.Column<string>(type: "TEXT", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", nullable: false)
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
