// Reads an iCalendar file the way Mozilla's calendar clients do (ical.js, the parser behind Thunderbird), using
// only the file's own VTIMEZONE components, and prints every event as JSON: its UID, SEQUENCE, STATUS, DTSTAMP,
// LAST-MODIFIED, RECURRENCE-ID, and the UTC instant of each occurrence (a series expanded up to its first 60).
// Usage: node ical-instants.mjs FILE
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const zone of root.getAllSubcomponents("vtimezone"))
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));

const utc = (time) => (time.isDate ? time.toString() : time.toJSDate().toISOString());
const stamp = (event, name) => {
  const value = event.component.getFirstPropertyValue(name);
  return value ? { value: value.toString(), utc: !value.isDate && value.zone === ICAL.Timezone.utcTimezone } : null;
};
const events = root.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  const start = event.startDate;
  if (start.timezone && start.timezone !== "UTC" && !ICAL.TimezoneService.has(start.timezone))
    throw new Error(`${event.uid}: TZID ${start.timezone} has no VTIMEZONE in the file`);
  const occurrences = [];
  if (event.isRecurring()) {
    const it = event.iterator();
    for (let next = it.next(); next && occurrences.length < 60; next = it.next())
      occurrences.push(utc(next));
  } else {
    occurrences.push(utc(start));
  }
  return {
    uid: event.uid,
    sequence: event.sequence,
    status: component.getFirstPropertyValue("status"),
    dtstamp: stamp(event, "dtstamp"),
    lastModified: stamp(event, "last-modified"),
    recurrenceId: event.recurrenceId ? utc(event.recurrenceId) : null,
    occurrences,
  };
});
const refresh = root.getFirstProperty("refresh-interval");
console.log(JSON.stringify({
  refreshInterval: refresh ? { type: refresh.type, value: refresh.getFirstValue().toString() } : null,
  zones: root.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
  events,
}));
