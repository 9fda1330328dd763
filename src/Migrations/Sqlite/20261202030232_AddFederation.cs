using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddFederation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "arrived_envelopes",
                columns: table => new
                {
                    LetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Peer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Message = table.Column<Guid>(type: "TEXT", nullable: false),
                    DispatchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_arrived_envelopes", x => x.LetterId);
                });

            migrationBuilder.CreateTable(
                name: "federation_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Peer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    About = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: false),
                    Cause = table.Column<long>(type: "INTEGER", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Refused = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_federation_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "federation_received",
                columns: table => new
                {
                    Peer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Refused = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_federation_received", x => new { x.Peer, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "federation_refused",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Peer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_federation_refused", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hosted_institutions",
                columns: table => new
                {
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    SealingKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SigningKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hosted_institutions", x => x.InstitutionId);
                });

            migrationBuilder.CreateTable(
                name: "node_identity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    VerifierKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_node_identity", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "peer_faults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Peer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_faults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "peers",
                columns: table => new
                {
                    Origin = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LogKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NodeKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NodeKeyIndex = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peers", x => x.Origin);
                });

            migrationBuilder.CreateTable(
                name: "remote_institutions",
                columns: table => new
                {
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Peer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SealingKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SigningKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Index = table.Column<long>(type: "INTEGER", nullable: false),
                    LearnedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyChanges = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remote_institutions", x => x.InstitutionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_federation_outbox_About",
                table: "federation_outbox",
                column: "About");

            migrationBuilder.CreateIndex(
                name: "IX_federation_outbox_DeliveredAt_Peer_Seq",
                table: "federation_outbox",
                columns: new[] { "DeliveredAt", "Peer", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_federation_outbox_Peer_Seq",
                table: "federation_outbox",
                columns: new[] { "Peer", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_federation_received_Peer_Seq",
                table: "federation_received",
                columns: new[] { "Peer", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_federation_refused_ReceivedAt",
                table: "federation_refused",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_peer_faults_Peer_At",
                table: "peer_faults",
                columns: new[] { "Peer", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_remote_institutions_Peer",
                table: "remote_institutions",
                column: "Peer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "arrived_envelopes");

            migrationBuilder.DropTable(
                name: "federation_outbox");

            migrationBuilder.DropTable(
                name: "federation_received");

            migrationBuilder.DropTable(
                name: "federation_refused");

            migrationBuilder.DropTable(
                name: "hosted_institutions");

            migrationBuilder.DropTable(
                name: "node_identity");

            migrationBuilder.DropTable(
                name: "peer_faults");

            migrationBuilder.DropTable(
                name: "peers");

            migrationBuilder.DropTable(
                name: "remote_institutions");
        }
    }
}
