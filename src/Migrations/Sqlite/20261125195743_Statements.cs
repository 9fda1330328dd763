using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Statements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Watched",
                table: "letters",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Statement = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByPerson = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByInstitution = table.Column<Guid>(type: "TEXT", nullable: true),
                    What = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DueFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Letter = table.Column<Guid>(type: "TEXT", nullable: true),
                    LetterReaches = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FulfilledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FulfilledBy = table.Column<long>(type: "INTEGER", nullable: true),
                    FulfilmentNote = table.Column<string>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commitments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statement_sources",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Outlet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Published = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statement_sources", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Speaker = table.Column<Guid>(type: "TEXT", nullable: false),
                    Medium = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DateBasis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Translation = table.Column<string>(type: "TEXT", nullable: true),
                    TranslationLanguage = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Outlet = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SourceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Search = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statement_links",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Target = table.Column<Guid>(type: "TEXT", nullable: false),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statement_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_statement_links_statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_commitments_FulfilledAt_DueBy",
                table: "commitments",
                columns: new[] { "FulfilledAt", "DueBy" });

            migrationBuilder.CreateIndex(
                name: "IX_commitments_Letter",
                table: "commitments",
                column: "Letter");

            migrationBuilder.CreateIndex(
                name: "IX_commitments_Statement",
                table: "commitments",
                column: "Statement");

            migrationBuilder.CreateIndex(
                name: "IX_statement_links_Kind_Target",
                table: "statement_links",
                columns: new[] { "Kind", "Target" });

            migrationBuilder.CreateIndex(
                name: "IX_statement_links_StatementId",
                table: "statement_links",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_statements_SaidOn_Id",
                table: "statements",
                columns: new[] { "SaidOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_statements_Speaker_SaidOn",
                table: "statements",
                columns: new[] { "Speaker", "SaidOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commitments");

            migrationBuilder.DropTable(
                name: "statement_links");

            migrationBuilder.DropTable(
                name: "statement_sources");

            migrationBuilder.DropTable(
                name: "statements");

            migrationBuilder.DropColumn(
                name: "Watched",
                table: "letters");
        }
    }
}
