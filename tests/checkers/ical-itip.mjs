// Reads an iTIP object (RFC 5546) as a calendar client receiving an iMIP invitation does, with Mozilla's ical.js and
// only the object's own VTIMEZONEs, and prints its METHOD and each event's UID, SEQUENCE, STATUS, ORGANIZER,
// ATTENDEEs (address, CN, ROLE, PARTSTAT) and the UTC instant it starts at, as JSON.
// Usage: node ical-itip.mjs FILE
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const zone of root.getAllSubcomponents("vtimezone"))
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
const events = root.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    sequence: event.sequence,
    status: component.getFirstPropertyValue("status"),
    organizer: component.getFirstPropertyValue("organizer"),
    attendees: component.getAllProperties("attendee").map((a) => ({
      address: a.getFirstValue(),
      name: a.getParameter("cn") ?? null,
      role: a.getParameter("role") ?? null,
      partstat: a.getParameter("partstat") ?? null,
    })),
    start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
  };
});
console.log(JSON.stringify({ method: root.getFirstPropertyValue("method"), events }));
