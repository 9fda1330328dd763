using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Parley.Record.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "commitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Statement = table.Column<Guid>(type: "uuid", nullable: true),
                    ByPerson = table.Column<Guid>(type: "uuid", nullable: true),
                    ByInstitution = table.Column<Guid>(type: "uuid", nullable: true),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DueFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Letter = table.Column<Guid>(type: "uuid", nullable: true),
                    LetterReaches = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FulfilledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FulfilledBy = table.Column<long>(type: "bigint", nullable: true),
                    FulfilmentNote = table.Column<string>(type: "text", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commitments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statement_sources",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Outlet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Published = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statement_sources", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Speaker = table.Column<Guid>(type: "uuid", nullable: false),
                    Medium = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DateBasis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Translation = table.Column<string>(type: "text", nullable: true),
                    TranslationLanguage = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Outlet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SourceSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Search = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statement_links",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Target = table.Column<Guid>(type: "uuid", nullable: false),
                    StatementId = table.Column<Guid>(type: "uuid", nullable: false)
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
