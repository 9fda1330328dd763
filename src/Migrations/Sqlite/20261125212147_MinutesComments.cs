using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "minutes_comments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MinutesVersionMeeting = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinutesVersionVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_minutes_comments_minutes_MinutesVersionMeeting_MinutesVersionVersion",
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
