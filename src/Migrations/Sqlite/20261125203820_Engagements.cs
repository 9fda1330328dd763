using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Parley.Record.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Meeting = table.Column<Guid>(type: "TEXT", nullable: false),
                    Series = table.Column<Guid>(type: "TEXT", nullable: true),
                    What = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "busy_times",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Person = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_busy_times", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_periods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Chamber = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_periods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "encounters",
                columns: table => new
                {
                    Meeting = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonA = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonB = table.Column<Guid>(type: "TEXT", nullable: false),
                    MetAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_encounters", x => new { x.Meeting, x.PersonA, x.PersonB });
                });

            migrationBuilder.CreateTable(
                name: "feed_token_secrets",
                columns: table => new
                {
                    TokenId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_token_secrets", x => x.TokenId);
                });

            migrationBuilder.CreateTable(
                name: "feed_tokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Account = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Visit = table.Column<Guid>(type: "TEXT", nullable: true),
                    Proposal = table.Column<Guid>(type: "TEXT", nullable: true),
                    TaskForce = table.Column<Guid>(type: "TEXT", nullable: true),
                    Series = table.Column<Guid>(type: "TEXT", nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TimeUnknown = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "minutes",
                columns: table => new
                {
                    Meeting = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Correcting = table.Column<string>(type: "TEXT", nullable: true),
                    DraftedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_minutes", x => new { x.Meeting, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    PartyA = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyB = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Oversight = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastReason = table.Column<string>(type: "TEXT", nullable: true),
                    Meeting = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "task_forces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    SideA = table.Column<Guid>(type: "TEXT", nullable: false),
                    SideB = table.Column<Guid>(type: "TEXT", nullable: false),
                    Oversight = table.Column<Guid>(type: "TEXT", nullable: false),
                    Charter = table.Column<string>(type: "TEXT", nullable: false),
                    CharterState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CharterReason = table.Column<string>(type: "TEXT", nullable: true),
                    SeatsPerSide = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowedDifference = table.Column<int>(type: "INTEGER", nullable: false),
                    Cadence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FirstTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    AlternateHosts = table.Column<bool>(type: "INTEGER", nullable: false),
                    StandingAgenda = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_forces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", nullable: false),
                    Leader = table.Column<Guid>(type: "TEXT", nullable: true),
                    SentBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DestinationCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MembersNote = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meeting_agenda",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Presenter = table.Column<Guid>(type: "TEXT", nullable: true),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Letter = table.Column<Guid>(type: "TEXT", nullable: true),
                    LinkedProposal = table.Column<Guid>(type: "TEXT", nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Person = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<Guid>(type: "TEXT", nullable: false),
                    Post = table.Column<string>(type: "TEXT", nullable: true),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Chamber = table.Column<Guid>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Person = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TaskForceId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Person = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<Guid>(type: "TEXT", nullable: false)
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
