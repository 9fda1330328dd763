using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
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
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_topics", x => new { x.LetterId, x.Topic });
                });

            migrationBuilder.CreateTable(
                name: "search_documents",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_documents", x => new { x.Kind, x.Id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_letter_topics_Topic_LetterId",
                table: "letter_topics",
                columns: new[] { "Topic", "LetterId" });

            // One FTS5 index per kind over search_documents, reading its text through a view of that kind's rows and kept
            // by triggers; the terms are folded by Parley already (SearchText), so the tokenizer only splits at the spaces.
            migrationBuilder.Sql("CREATE VIEW search_letter_documents AS SELECT rowid, \"Text\" FROM search_documents WHERE \"Kind\" = 'letter'");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE search_letter USING fts5(\"Text\", content='search_letter_documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0')");
            migrationBuilder.Sql("CREATE TRIGGER search_letter_added AFTER INSERT ON search_documents WHEN new.\"Kind\" = 'letter' BEGIN INSERT INTO search_letter(rowid, \"Text\") VALUES (new.rowid, new.\"Text\"); END");
            migrationBuilder.Sql("CREATE TRIGGER search_letter_removed AFTER DELETE ON search_documents WHEN old.\"Kind\" = 'letter' BEGIN INSERT INTO search_letter(search_letter, rowid, \"Text\") VALUES ('delete', old.rowid, old.\"Text\"); END");
            migrationBuilder.Sql("CREATE TRIGGER search_letter_changed AFTER UPDATE ON search_documents WHEN old.\"Kind\" = 'letter' BEGIN INSERT INTO search_letter(search_letter, rowid, \"Text\") VALUES ('delete', old.rowid, old.\"Text\"); INSERT INTO search_letter(rowid, \"Text\") VALUES (new.rowid, new.\"Text\"); END");
            migrationBuilder.Sql("CREATE VIEW search_institution_documents AS SELECT rowid, \"Text\" FROM search_documents WHERE \"Kind\" = 'institution'");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE search_institution USING fts5(\"Text\", content='search_institution_documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0')");
            migrationBuilder.Sql("CREATE TRIGGER search_institution_added AFTER INSERT ON search_documents WHEN new.\"Kind\" = 'institution' BEGIN INSERT INTO search_institution(rowid, \"Text\") VALUES (new.rowid, new.\"Text\"); END");
            migrationBuilder.Sql("CREATE TRIGGER search_institution_removed AFTER DELETE ON search_documents WHEN old.\"Kind\" = 'institution' BEGIN INSERT INTO search_institution(search_institution, rowid, \"Text\") VALUES ('delete', old.rowid, old.\"Text\"); END");
            migrationBuilder.Sql("CREATE TRIGGER search_institution_changed AFTER UPDATE ON search_documents WHEN old.\"Kind\" = 'institution' BEGIN INSERT INTO search_institution(search_institution, rowid, \"Text\") VALUES ('delete', old.rowid, old.\"Text\"); INSERT INTO search_institution(rowid, \"Text\") VALUES (new.rowid, new.\"Text\"); END");
            migrationBuilder.Sql("CREATE VIEW search_person_documents AS SELECT rowid, \"Text\" FROM search_documents WHERE \"Kind\" = 'person'");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE search_person USING fts5(\"Text\", content='search_person_documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0')");
            migrationBuilder.Sql("CREATE TRIGGER search_person_added AFTER INSERT ON search_documents WHEN new.\"Kind\" = 'person' BEGIN INSERT INTO search_person(rowid, \"Text\") VALUES (new.rowid, new.\"Text\"); END");
            migrationBuilder.Sql("CREATE TRIGGER search_person_removed AFTER DELETE ON search_documents WHEN old.\"Kind\" = 'person' BEGIN INSERT INTO search_person(search_person, rowid, \"Text\") VALUES ('delete', old.rowid, old.\"Text\"); END");
            migrationBuilder.Sql("CREATE TRIGGER search_person_changed AFTER UPDATE ON search_documents WHEN old.\"Kind\" = 'person' BEGIN INSERT INTO search_person(search_person, rowid, \"Text\") VALUES ('delete', old.rowid, old.\"Text\"); INSERT INTO search_person(rowid, \"Text\") VALUES (new.rowid, new.\"Text\"); END");
            migrationBuilder.Sql("CREATE VIEW search_statement_documents AS SELECT rowid, \"Text\" FROM search_documents WHERE \"Kind\" = 'statement'");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE search_statement USING fts5(\"Text\", content='search_statement_documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0')");
            migrationBuilder.Sql("CREATE TRIGGER search_statement_added AFTER INSERT ON search_documents WHEN new.\"Kind\" = 'statement' BEGIN INSERT INTO search_statement(rowid, \"Text\") VALUES (new.rowid, new.\"Text\"); END");
            migrationBuilder.Sql("CREATE TRIGGER search_statement_removed AFTER DELETE ON search_documents WHEN old.\"Kind\" = 'statement' BEGIN INSERT INTO search_statement(search_statement, rowid, \"Text\") VALUES ('delete', old.rowid, old.\"Text\"); END");
            migrationBuilder.Sql("CREATE TRIGGER search_statement_changed AFTER UPDATE ON search_documents WHEN old.\"Kind\" = 'statement' BEGIN INSERT INTO search_statement(search_statement, rowid, \"Text\") VALUES ('delete', old.rowid, old.\"Text\"); INSERT INTO search_statement(rowid, \"Text\") VALUES (new.rowid, new.\"Text\"); END");

            // Last: on SQLite it rebuilds the table, which must not be pending while the SQL above runs.
            migrationBuilder.DropColumn(
                name: "Search",
                table: "statements");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER search_letter_added");
            migrationBuilder.Sql("DROP TRIGGER search_letter_removed");
            migrationBuilder.Sql("DROP TRIGGER search_letter_changed");
            migrationBuilder.Sql("DROP TABLE search_letter");
            migrationBuilder.Sql("DROP VIEW search_letter_documents");
            migrationBuilder.Sql("DROP TRIGGER search_institution_added");
            migrationBuilder.Sql("DROP TRIGGER search_institution_removed");
            migrationBuilder.Sql("DROP TRIGGER search_institution_changed");
            migrationBuilder.Sql("DROP TABLE search_institution");
            migrationBuilder.Sql("DROP VIEW search_institution_documents");
            migrationBuilder.Sql("DROP TRIGGER search_person_added");
            migrationBuilder.Sql("DROP TRIGGER search_person_removed");
            migrationBuilder.Sql("DROP TRIGGER search_person_changed");
            migrationBuilder.Sql("DROP TABLE search_person");
            migrationBuilder.Sql("DROP VIEW search_person_documents");
            migrationBuilder.Sql("DROP TRIGGER search_statement_added");
            migrationBuilder.Sql("DROP TRIGGER search_statement_removed");
            migrationBuilder.Sql("DROP TRIGGER search_statement_changed");
            migrationBuilder.Sql("DROP TABLE search_statement");
            migrationBuilder.Sql("DROP VIEW search_statement_documents");

            migrationBuilder.DropTable(
                name: "letter_topics");

            migrationBuilder.DropTable(
                name: "search_documents");

            migrationBuilder.AddColumn<string>(
                name: "Search",
                table: "statements",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}
