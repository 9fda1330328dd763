using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notification_choices",
                columns: table => new
                {
                    Account = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Letters = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Reviews = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Commitments = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_choices", x => x.Account);
                });

            migrationBuilder.CreateTable(
                name: "notification_digests",
                columns: table => new
                {
                    Account = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_digests", x => x.Account);
                });

            migrationBuilder.CreateTable(
                name: "notifications_sent",
                columns: table => new
                {
                    Account = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications_sent", x => new { x.Account, x.Item });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_choices");

            migrationBuilder.DropTable(
                name: "notification_digests");

            migrationBuilder.DropTable(
                name: "notifications_sent");
        }
    }
}
