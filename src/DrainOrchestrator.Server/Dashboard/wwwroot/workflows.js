// Workflow instances with the actions the caller's role may take, schedules, and their next windows on a calendar.
import { canOperate, getJson, post } from './api.js';
import { calendar } from './calendar.js';
import { el, fill, state, time } from './dom.js';
import { say, startPage } from './shell.js';

const FINAL = ['succeeded', 'failed', 'cancelled'];
const WEEKS = 5;
let who = null;

// The approval step an instance waits on: its unfinished approval step's key.
function waitingApproval(instance) {
  const step = instance.steps.find((s) => s.kind.toLowerCase() === 'approval' && !s.finishedAt);
  return step ? step.key : null;
}

function actions(instance) {
  if (!canOperate(who) || FINAL.includes(instance.state)) return [];
  const base = `/api/v1/workflows/${encodeURIComponent(instance.id)}/`;
  const action = (label, path, body, style) => {
    const button = el('button', { type: 'button', class: style, 'aria-label': `${label} ${instance.name}` }, label);
    button.addEventListener('click', async () => {
      button.disabled = true;
      const result = await post(base + path, body);
      say(`${instance.name}: ${result.message}`, !result.ok);
      await load();
    });
    return button;
  };
  const step = waitingApproval(instance);
  return [
    step ? action('Approve', 'approve', { step }, '') : null,
    instance.state === 'paused' ? action('Resume', 'resume', undefined, '') : action('Pause', 'pause', undefined, 'secondary'),
    action('Cancel', 'cancel', undefined, 'danger'),
  ];
}

async function load() {
  try {
    const [instances, schedules] = await Promise.all([getJson('/api/v1/workflows?all=true'), getJson('/api/v1/schedules')]);
    fill('workflows', instances.length === 0 ? el('tr', {}, el('td', { colspan: 6 }, 'No workflow instances.')) : instances.map((w) => el('tr', {},
      el('td', {}, w.name), el('td', {}, `${w.workflow} v${w.version}`), el('td', {}, state(w.state)), el('td', {}, w.waitingFor ?? '—'),
      el('td', {}, time(w.createdAt)), el('td', { class: 'actions' }, actions(w)))));
    fill('schedules', schedules.length === 0 ? el('tr', {}, el('td', { colspan: 6 }, 'No schedules.')) : schedules.map((s) => el('tr', {},
      el('td', {}, s.name), el('td', {}, `${s.workflow} v${s.workflowVersion}`), el('td', {}, s.cron), el('td', {}, s.timeZone),
      el('td', {}, `${Math.round(s.durationSeconds / 60)} min`), el('td', {}, s.next ? time(s.next.start) : '—'))));
    const windows = [];
    for (const s of schedules) {
      const next = await getJson(`/api/v1/schedules/${encodeURIComponent(s.name)}/next?count=40`);
      const until = Date.now() + WEEKS * 7 * 86_400_000;
      windows.push(...next.windows.filter((w) => Date.parse(w.start) < until).map((w) => ({ schedule: s.name, ...w })));
    }
    fill('calendar', calendar(windows, WEEKS));
  } catch (error) {
    say('Could not load workflows and schedules: ' + error.message, true);
  }
}

who = await startPage();
await load();
