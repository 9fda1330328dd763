using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Correspondence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    MediaType = table.Column<string>(type: "TEXT", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    PlaintextSha256 = table.Column<string>(type: "TEXT", nullable: false),
                    CiphertextSha256 = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "handovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromInstitution = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromPerson = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToInstitution = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToPerson = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", nullable: true),
                    SealIntact = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SealIntactOnReceipt = table.Column<bool>(type: "INTEGER", nullable: true),
                    DisputeReason = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedIndex = table.Column<long>(type: "INTEGER", nullable: false),
                    GiverSignature = table.Column<string>(type: "TEXT", nullable: true),
                    ReceiverSignature = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handovers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "institution_keys",
                columns: table => new
                {
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SealingKey = table.Column<string>(type: "TEXT", nullable: false),
                    SigningKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_institution_keys", x => x.InstitutionId);
                });

            migrationBuilder.CreateTable(
                name: "institution_secrets",
                columns: table => new
                {
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Protected = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_institution_secrets", x => x.InstitutionId);
                });

            migrationBuilder.CreateTable(
                name: "letters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Registry = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Dated = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SenderInstitution = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderPerson = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddresseeInstitution = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddresseePerson = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Classification = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", nullable: false),
                    ReplyBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InReplyTo = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sealed_blobs",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Enc = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Ciphertext = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sealed_blobs", x => x.AttachmentId);
                });

            migrationBuilder.CreateTable(
                name: "letter_route",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    ToInstitution = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToPerson = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueHours = table.Column<int>(type: "INTEGER", nullable: false),
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_route", x => x.Id);
                    table.ForeignKey(
                        name: "FK_letter_route_letters_LetterId",
                        column: x => x.LetterId,
                        principalTable: "letters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attachments_LetterId",
                table: "attachments",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_handovers_LetterId",
                table: "handovers",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_letter_route_LetterId",
                table: "letter_route",
                column: "LetterId");

            migrationBuilder.CreateIndex(
                name: "IX_letters_AddresseeInstitution",
                table: "letters",
                column: "AddresseeInstitution");

            migrationBuilder.CreateIndex(
                name: "IX_letters_Registry_Number",
                table: "letters",
                columns: new[] { "Registry", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_letters_SenderInstitution",
                table: "letters",
                column: "SenderInstitution");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachments");

            migrationBuilder.DropTable(
                name: "handovers");

            migrationBuilder.DropTable(
                name: "institution_keys");

            migrationBuilder.DropTable(
                name: "institution_secrets");

            migrationBuilder.DropTable(
                name: "letter_route");

            migrationBuilder.DropTable(
                name: "sealed_blobs");

            migrationBuilder.DropTable(
                name: "letters");
        }
    }
}
