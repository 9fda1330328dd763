using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Parley.Record.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MinutesComments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancelledBecause",
                table: "meetings",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "minutes_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    By = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    MinutesVersionMeeting = table.Column<Guid>(type: "uuid", nullable: false),
                    MinutesVersionVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_minutes_comments_minutes_MinutesVersionMeeting_MinutesVersi~",
                        columns: x => new { x.MinutesVersionMeeting, x.MinutesVersionVersion },
                        principalTable: "minutes",
                        principalColumns: new[] { "Meeting", "Version" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_minutes_comments_MinutesVersionMeeting_MinutesVersionVersion",
                table: "minutes_comments",
                columns: new[] { "MinutesVersionMeeting", "MinutesVersionVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "minutes_comments");

            migrationBuilder.DropColumn(
                name: "CancelledBecause",
                table: "meetings");
        }
    }
}
