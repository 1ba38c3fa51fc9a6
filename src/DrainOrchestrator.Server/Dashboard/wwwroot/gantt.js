// The wave Gantt: one bar per migration attempt, one lane per attempt grouped under its source node, over time; a
// dashed line where each wave's first attempt started. Built as SVG nodes; names are text nodes and titles.
import { svg } from './dom.js';

const LANE = 14;
const LEFT = 150;
const WIDTH = 1000;
const TOP = 34; // two rows of wave labels
const RIGHT = 60; // room for the last wave's label
const AXIS = 18; // the time scale under the lanes
const CHAR = 6.5; // a label character's width, about, at the chart's font size

function start(m) {
  return Date.parse(m.startedAt || m.createdAt);
}

function end(m, now) {
  return m.finishedAt ? Date.parse(m.finishedAt) : now;
}

/** The SVG for the attempts (the report's migrations); null when none has started. */
export function gantt(migrations, now = Date.now()) {
  const started = migrations.filter((m) => !Number.isNaN(start(m)));
  if (started.length === 0) return null;
  const bySource = new Map();
  for (const m of [...started].sort((a, b) => start(a) - start(b))) {
    if (!bySource.has(m.source)) bySource.set(m.source, []);
    bySource.get(m.source).push(m);
  }
  const t0 = Math.min(...started.map(start));
  const t1 = Math.max(...started.map((m) => end(m, now)), t0 + 1000);
  const x = (t) => LEFT + ((t - t0) / (t1 - t0)) * (WIDTH - LEFT - RIGHT);
  const lanes = TOP + started.length * LANE + bySource.size * 6 + 4;
  const height = lanes + AXIS;
  const chart = svg('svg', { class: 'gantt', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'gantt-title' },
    svg('title', { id: 'gantt-title' }, `${started.length} migration attempts from ${bySource.size} nodes over ${Math.round((t1 - t0) / 1000)} s`));
  let y = TOP;
  for (const [source, attempts] of bySource) {
    chart.append(svg('text', { x: 4, y: y + 11 }, source), svg('line', { class: 'lane', x1: 0, x2: WIDTH, y1: y - 3, y2: y - 3 }));
    for (const m of attempts) {
      const kind = ['succeeded', 'failed', 'aborted', 'running', 'pending'].includes(m.outcome) ? m.outcome : 'other';
      const left = x(start(m));
      chart.append(svg('rect', { class: 'bar bar-' + kind, x: left, y, width: Math.max(x(end(m, now)) - left, 2), height: LANE - 3 },
        svg('title', {}, `${m.vmi} wave ${m.wave} attempt ${m.attempt}: ${m.outcome}` + (m.failureReason ? ` (${m.failureReason})` : ''))));
      y += LANE;
    }
    y += 6;
  }
  const waves = new Map();
  for (const m of started) waves.set(m.wave, Math.min(waves.get(m.wave) ?? Infinity, start(m)));
  // Labels take the first of two rows where they do not run into the one before; a wave with no room keeps its line,
  // named in its title (rolling drains start waves seconds apart).
  const rowEnds = [-Infinity, -Infinity];
  for (const [wave, at] of [...waves].sort((a, b) => a[1] - b[1])) {
    const label = `wave ${wave}`;
    const line = svg('line', { class: 'wave', x1: x(at), x2: x(at), y1: TOP - 6, y2: lanes }, svg('title', {}, `${label} began ${new Date(at).toISOString()}`));
    chart.append(line);
    const row = rowEnds.findIndex((e) => x(at) + 2 > e + 4);
    if (row >= 0) {
      chart.append(svg('text', { x: x(at) + 2, y: 11 + row * 13 }, label));
      rowEnds[row] = x(at) + 2 + label.length * CHAR;
    }
  }
  // The time scale: seconds since the first attempt began, at round steps (1, 2 or 5 times a power of ten), four or so.
  const span = (t1 - t0) / 1000;
  const power = 10 ** Math.floor(Math.log10(span / 4));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => span / s <= 5);
  for (let s = 0; s <= span + 1e-9; s += step) {
    const at = x(t0 + s * 1000);
    chart.append(svg('line', { class: 'tick', x1: at, x2: at, y1: lanes, y2: lanes + 4 }),
      svg('text', { class: 'tick', x: at, y: lanes + 15, 'text-anchor': s === 0 ? 'start' : 'middle' }, `${step < 1 ? s.toFixed(1) : Math.round(s)} s`));
  }
  return chart;
}
