using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Parley.Record.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Engagements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "action_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Meeting = table.Column<Guid>(type: "uuid", nullable: false),
                    Series = table.Column<Guid>(type: "uuid", nullable: true),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "busy_times",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Person = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_busy_times", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_periods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Chamber = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_periods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "encounters",
                columns: table => new
                {
                    Meeting = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonA = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonB = table.Column<Guid>(type: "uuid", nullable: false),
                    MetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encounters", x => new { x.Meeting, x.PersonA, x.PersonB });
                });

            migrationBuilder.CreateTable(
                name: "feed_token_secrets",
                columns: table => new
                {
                    TokenId = table.Column<Guid>(type: "uuid", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_token_secrets", x => x.TokenId);
                });

            migrationBuilder.CreateTable(
                name: "feed_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Account = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Visit = table.Column<Guid>(type: "uuid", nullable: true),
                    Proposal = table.Column<Guid>(type: "uuid", nullable: true),
                    TaskForce = table.Column<Guid>(type: "uuid", nullable: true),
                    Series = table.Column<Guid>(type: "uuid", nullable: true),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Zone = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TimeUnknown = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "minutes",
                columns: table => new
                {
                    Meeting = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Correcting = table.Column<string>(type: "text", nullable: true),
                    DraftedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedBy = table.Column<string>(type: "text", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes", x => new { x.Meeting, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    PartyA = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyB = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Oversight = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LastReason = table.Column<string>(type: "text", nullable: true),
                    Meeting = table.Column<Guid>(type: "uuid", nullable: true),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "task_forces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    SideA = table.Column<Guid>(type: "uuid", nullable: false),
                    SideB = table.Column<Guid>(type: "uuid", nullable: false),
                    Oversight = table.Column<Guid>(type: "uuid", nullable: false),
                    Charter = table.Column<string>(type: "text", nullable: false),
                    CharterState = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CharterReason = table.Column<string>(type: "text", nullable: true),
                    SeatsPerSide = table.Column<int>(type: "integer", nullable: false),
                    AllowedDifference = table.Column<int>(type: "integer", nullable: false),
                    Cadence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Zone = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    AlternateHosts = table.Column<bool>(type: "boolean", nullable: false),
                    StandingAgenda = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_forces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "text", nullable: false),
                    Leader = table.Column<Guid>(type: "uuid", nullable: true),
                    SentBy = table.Column<Guid>(type: "uuid", nullable: false),
                    Destination = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DestinationCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MembersNote = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meeting_agenda",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Presenter = table.Column<Guid>(type: "uuid", nullable: true),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    Letter = table.Column<Guid>(type: "uuid", nullable: true),
                    LinkedProposal = table.Column<Guid>(type: "uuid", nullable: true),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_agenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_agenda_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_participants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Person = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<Guid>(type: "uuid", nullable: false),
                    Post = table.Column<string>(type: "text", nullable: true),
                    Attended = table.Column<bool>(type: "boolean", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meeting_participants_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_window",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Chamber = table.Column<Guid>(type: "uuid", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposal_window", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposal_window_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_force_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Person = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    TaskForceId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_force_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_task_force_members_task_forces_TaskForceId",
                        column: x => x.TaskForceId,
                        principalTable: "task_forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visit_travellers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Person = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visit_travellers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_visit_travellers_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_items_Meeting",
                table: "action_items",
                column: "Meeting");

            migrationBuilder.CreateIndex(
                name: "IX_action_items_Owner",
                table: "action_items",
                column: "Owner");

            migrationBuilder.CreateIndex(
                name: "IX_action_items_Series_Status",
                table: "action_items",
                columns: new[] { "Series", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_busy_times_Person_StartsAt",
                table: "busy_times",
                columns: new[] { "Person", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_periods_Chamber_StartsOn",
                table: "calendar_periods",
                columns: new[] { "Chamber", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_encounters_PersonA",
                table: "encounters",
                column: "PersonA");

            migrationBuilder.CreateIndex(
                name: "IX_encounters_PersonB",
                table: "encounters",
                column: "PersonB");

            migrationBuilder.CreateIndex(
                name: "IX_feed_token_secrets_Hash",
                table: "feed_token_secrets",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feed_tokens_Account",
                table: "feed_tokens",
                column: "Account");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_agenda_MeetingId",
                table: "meeting_agenda",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_participants_MeetingId",
                table: "meeting_participants",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_meeting_participants_Person",
                table: "meeting_participants",
                column: "Person");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_Series_StartsAt",
                table: "meetings",
                columns: new[] { "Series", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_StartsAt_Id",
                table: "meetings",
                columns: new[] { "StartsAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_TaskForce",
                table: "meetings",
                column: "TaskForce");

            migrationBuilder.CreateIndex(
                name: "IX_meetings_Visit",
                table: "meetings",
                column: "Visit");

            migrationBuilder.CreateIndex(
                name: "IX_proposal_window_ProposalId",
                table: "proposal_window",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_State_ProposedAt",
                table: "proposals",
                columns: new[] { "State", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_task_force_members_Person",
                table: "task_force_members",
                column: "Person");

            migrationBuilder.CreateIndex(
                name: "IX_task_force_members_TaskForceId",
                table: "task_force_members",
                column: "TaskForceId");

            migrationBuilder.CreateIndex(
                name: "IX_visit_travellers_VisitId",
                table: "visit_travellers",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_visits_StartsOn",
                table: "visits",
                column: "StartsOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_items");

            migrationBuilder.DropTable(
                name: "busy_times");

            migrationBuilder.DropTable(
                name: "calendar_periods");

            migrationBuilder.DropTable(
                name: "encounters");

            migrationBuilder.DropTable(
                name: "feed_token_secrets");

            migrationBuilder.DropTable(
                name: "feed_tokens");

            migrationBuilder.DropTable(
                name: "meeting_agenda");

            migrationBuilder.DropTable(
                name: "meeting_participants");

            migrationBuilder.DropTable(
                name: "minutes");

            migrationBuilder.DropTable(
                name: "proposal_window");

            migrationBuilder.DropTable(
                name: "task_force_members");

            migrationBuilder.DropTable(
                name: "visit_travellers");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropTable(
                name: "task_forces");

            migrationBuilder.DropTable(
                name: "visits");
        }
    }
}
