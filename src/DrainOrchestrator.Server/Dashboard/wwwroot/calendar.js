// The next maintenance windows on a calendar of whole weeks (Monday first, days in UTC), each window under the day it
// opens with its time in UTC and in the schedule's own zone.
import { el } from './dom.js';

const DAY = 86_400_000;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function utcDay(ms) {
  return Math.floor(ms / DAY) * DAY;
}

function hhmm(date) {
  return date.toISOString().slice(11, 16);
}

/** A table of `weeks` weeks from this one; windows are [{ schedule, start, end, localStart }]. */
export function calendar(windows, weeks, now = Date.now()) {
  const today = utcDay(now);
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  const byDay = new Map();
  for (const w of windows) {
    const day = utcDay(Date.parse(w.start));
    if (!byDay.has(day)) byDay.set(day, []);
    byDay.get(day).push(w);
  }
  const rows = [];
  for (let week = 0; week < weeks; week++) {
    const cells = [];
    for (let d = 0; d < 7; d++) {
      const day = monday + (week * 7 + d) * DAY;
      const date = new Date(day);
      const items = (byDay.get(day) ?? []).sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).map((w) =>
        el('li', { title: `${w.start} to ${w.end} UTC; local ${w.localStart}` },
          `${hhmm(new Date(w.start))}–${hhmm(new Date(w.end))} ${w.schedule} (${w.localStart.slice(11, 16)} local)`));
      cells.push(el('td', { class: day === today ? 'today' : null, 'aria-current': day === today ? 'date' : null },
        el('div', { class: 'day' }, el('time', { datetime: date.toISOString().slice(0, 10) }, date.toISOString().slice(5, 10))),
        items.length > 0 ? el('ul', {}, items) : null));
    }
    rows.push(el('tr', {}, cells));
  }
  return el('table', { class: 'calendar' },
    el('caption', {}, `Windows opening in the next ${weeks} weeks, by UTC day (times UTC, the schedule's local time in brackets)`),
    el('thead', {}, el('tr', {}, WEEKDAYS.map((d) => el('th', { scope: 'col' }, d)))),
    el('tbody', {}, rows));
}
