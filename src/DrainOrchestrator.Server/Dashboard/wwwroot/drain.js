// One drain: per-node progress updated live from its event stream, the actions the caller's role may take, the wave
// Gantt, the migrations (filterable) and the failures. The event stream drives every refresh; nothing polls.
import { canOperate, getJson, post } from './api.js';
import { el, fill, state, time } from './dom.js';
import { gantt } from './gantt.js';
import { bar, totals, unmoved } from './progress.js';
import { coalesce, follow } from './sse.js';
import { say, startPage } from './shell.js';

const FINAL = ['succeeded', 'failed', 'cancelled'];
const id = new URLSearchParams(location.search).get('id');
const textFilter = document.getElementById('migration-filter');
const outcomeFilter = document.getElementById('outcome-filter');
let migrations = [];
let notMoved = [];
let who = null;
let shownActions = null;

function renderDrain(drain) {
  document.title = `${drain.name} · DrainOrchestrator`;
  fill('title', 'Drain ', drain.name);
  const { total, moved } = totals(drain.nodes);
  fill('summary', state(drain.state), ` · ${moved} of ${total} VMs moved${unmoved(drain.nodes)} · requested by ${drain.requestedBy ?? 'unknown'} · created `,
    time(drain.createdAt), drain.outcomeReason ? ` · ${drain.outcomeReason}` : '');
  fill('nodes', drain.nodes.map((n) => {
    const nodeTotal = n.total ?? n.moved + n.remaining + n.givenUp + n.skipped;
    const nodeDone = n.moved + n.givenUp + n.skipped;
    return el('div', { class: 'node', 'data-node': n.node },
      el('span', {}, n.node),
      bar(`Progress of node ${n.node}`, nodeDone, nodeTotal),
      el('span', { class: 'counts' }, `${n.moved} moved of ${nodeTotal}, ${n.remaining} remaining, ${n.givenUp} given up, ${n.skipped} skipped`,
        n.lastError ? ` · ${n.lastError}` : ''));
  }));
  renderActions(drain);
}

function renderActions(drain) {
  const key = FINAL.includes(drain.state) ? 'final' : drain.recordedState;
  if (!canOperate(who) || key === shownActions) return;
  shownActions = key;
  if (key === 'final') {
    fill('actions');
    return;
  }
  const action = (label, path, style) => {
    const button = el('button', { type: 'button', class: style, id: 'action-' + path }, label);
    button.addEventListener('click', async () => {
      if (path === 'cancel' && !confirm(`Cancel drain ${drain.name}? Migrations in flight are aborted.`)) return;
      button.disabled = true;
      const result = await post(`/api/v1/drains/${encodeURIComponent(drain.id)}/${path}`);
      say(result.message, !result.ok);
      button.disabled = false;
    });
    return button;
  };
  fill('actions',
    drain.recordedState === 'paused' ? action('Resume', 'resume', '') : action('Pause', 'pause', 'secondary'),
    action('Cancel drain', 'cancel', 'danger'));
}

function renderLinks(drain) {
  const report = `/api/v1/drains/${encodeURIComponent(drain.id)}/report`;
  fill('links',
    el('a', { href: report + '?format=html' }, 'Report (HTML)'),
    el('a', { href: report + '?format=json' }, 'Report (JSON)'),
    el('a', { href: report + '?format=csv' }, 'Report (CSV)'),
    el('a', { href: '/hangfire' }, 'Jobs dashboard (Hangfire)'));
}

function renderMigrations() {
  const text = textFilter.value.trim().toLowerCase();
  const outcome = outcomeFilter.value;
  const shown = migrations.filter((m) => (!outcome || m.outcome === outcome)
    && (!text || [m.vmi, m.source, m.target, m.failureReason].some((v) => v && v.toLowerCase().includes(text))));
  fill('migrations-caption', `Every attempt, by wave: ${shown.length} of ${migrations.length} shown`);
  fill('migrations', shown.map((m) => el('tr', {},
    el('td', {}, String(m.wave)), el('td', {}, m.vmi), el('td', {}, String(m.attempt)), el('td', {}, m.source), el('td', {}, m.target ?? '—'),
    el('td', {}, state(m.outcome)), el('td', {}, (m.mode ?? '—') + (m.postCopy ? ' (post-copy)' : '')), el('td', {}, time(m.startedAt)),
    el('td', {}, m.durationSeconds == null ? '—' : `${m.durationSeconds.toFixed(1)} s`))));
  const outcomes = [...new Set(migrations.map((m) => m.outcome))].sort();
  const known = [...outcomeFilter.options].map((o) => o.value);
  for (const o of outcomes) if (!known.includes(o)) outcomeFilter.append(el('option', { value: o }, o));
}

function renderFailures() {
  const failed = migrations.filter((m) => m.failureReason);
  const items = [
    ...failed.map((m) => el('li', {}, `${m.vmi} (attempt ${m.attempt}, from ${m.source}): ${m.outcome}, ${m.failureReason}`)),
    ...notMoved.map((n) => el('li', {}, `${n.vmi ?? n.name} on ${n.node}: ${n.disposition}${n.reason ? ', ' + n.reason : ''}`)),
  ];
  fill('failures', items.length > 0 ? items : el('li', { class: 'muted' }, 'None.'));
}

async function loadDrain() {
  try {
    const drain = await getJson(`/api/v1/drains/${encodeURIComponent(id)}?vms=false`);
    renderDrain(drain);
    return drain;
  } catch (error) {
    say('Could not load the drain: ' + error.message, true);
    return null;
  }
}

async function loadReport() {
  try {
    const report = await getJson(`/api/v1/drains/${encodeURIComponent(id)}/report?format=json`);
    migrations = report.migrations ?? [];
    notMoved = report.notMoved ?? [];
    const chart = gantt(migrations);
    fill('gantt', chart ?? el('p', { class: 'muted' }, 'No migration has started yet.'));
    renderMigrations();
    renderFailures();
  } catch (error) {
    say('Could not load the migrations: ' + error.message, true);
  }
}

// Signed in either way: the header names who is looking, and sign-out works, even when the address names no drain.
who = await startPage();
if (!id) {
  say('No drain named: open a drain from the list.', true);
} else {
  const drain = await loadDrain();
  if (drain) {
    renderLinks(drain);
    await loadReport();
    const refreshDrain = coalesce(loadDrain, 300);
    const refreshReport = coalesce(loadReport, 2000);
    textFilter.addEventListener('input', renderMigrations);
    outcomeFilter.addEventListener('change', renderMigrations);
    follow(`/api/v1/drains/${encodeURIComponent(drain.id)}/events`, () => {
      refreshDrain();
      refreshReport();
    }, (s) => fill('live', s === 'live' ? '(live)' : '(reconnecting…)'));
  }
}
