using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "letter_topics",
                columns: table => new
                {
                    LetterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_topics", x => new { x.LetterId, x.Topic });
                });

            migrationBuilder.CreateTable(
                name: "search_documents",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_documents", x => new { x.Kind, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_letter_topics_Topic_LetterId",
                table: "letter_topics",
                columns: new[] { "Topic", "LetterId" });

            // The terms are folded by Parley already (SearchText): the 'simple' configuration only splits them; a GIN index per kind.
            migrationBuilder.Sql("ALTER TABLE search_documents ADD \"Vector\" tsvector GENERATED ALWAYS AS (to_tsvector('simple', \"Text\")) STORED");
            migrationBuilder.Sql("CREATE INDEX \"IX_search_letter\" ON search_documents USING gin (\"Vector\") WHERE \"Kind\" = 'letter'");
            migrationBuilder.Sql("CREATE INDEX \"IX_search_institution\" ON search_documents USING gin (\"Vector\") WHERE \"Kind\" = 'institution'");
            migrationBuilder.Sql("CREATE INDEX \"IX_search_person\" ON search_documents USING gin (\"Vector\") WHERE \"Kind\" = 'person'");
            migrationBuilder.Sql("CREATE INDEX \"IX_search_statement\" ON search_documents USING gin (\"Vector\") WHERE \"Kind\" = 'statement'");

            // Last: on SQLite it rebuilds the table, which must not be pending while the SQL above runs.
            migrationBuilder.DropColumn(
                name: "Search",
                table: "statements");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_search_letter\"");
            migrationBuilder.Sql("DROP INDEX \"IX_search_institution\"");
            migrationBuilder.Sql("DROP INDEX \"IX_search_person\"");
            migrationBuilder.Sql("DROP INDEX \"IX_search_statement\"");
            migrationBuilder.Sql("ALTER TABLE search_documents DROP COLUMN \"Vector\"");

            migrationBuilder.DropTable(
                name: "letter_topics");

            migrationBuilder.DropTable(
                name: "search_documents");

            migrationBuilder.AddColumn<string>(
                name: "Search",
                table: "statements",
                type: "text",
                nullable: false,
                defaultValue: "");
        }
    }
}
