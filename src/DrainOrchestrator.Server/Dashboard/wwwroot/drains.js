// The drains list: state and progress of each, refreshed when any drain's journal changes (over the event stream).
import { getJson } from './api.js';
import { el, fill, state, time } from './dom.js';
import { bar, totals, unmoved } from './progress.js';
import { coalesce, follow } from './sse.js';
import { say, startPage } from './shell.js';

const filter = document.getElementById('state-filter');
const more = document.getElementById('more');

// How many pages of 100 the list shows: one, and one more each time "Show older drains" is pressed (a refresh keeps
// them; a new filter starts again from the newest).
let pages = 1;

// Each load's number: a slower, older load (another filter, fewer pages) must not overwrite a newer one's rows.
let latest = 0;

async function load() {
  const mine = ++latest;
  const query = filter.value ? '&state=' + encodeURIComponent(filter.value) : '';
  try {
    const items = [];
    let next = null;
    for (let p = 0; p < pages; p++) {
      const page = await getJson('/api/v1/drains?limit=100' + query + (next ? '&after=' + encodeURIComponent(next) : ''));
      items.push(...page.items);
      next = page.next;
      if (!next) break;
    }
    if (mine !== latest) return;
    fill('drains', items.map(row));
    if (items.length === 0) fill('drains', el('tr', {}, el('td', { colspan: 6 }, 'No drains.')));
    more.hidden = !next;
    say('');
  } catch (error) {
    if (mine !== latest) return;
    // The rows on screen no longer match the filter: gone rather than shown under it.
    fill('drains');
    more.hidden = true;
    say('Could not load the drains: ' + error.message, true);
  }
}

function row(drain) {
  const { done, total, moved } = totals(drain.nodes);
  return el('tr', {},
    el('td', {}, el('a', { href: '/ui/drain.html?id=' + encodeURIComponent(drain.id) }, drain.name)),
    el('td', {}, state(drain.state)),
    el('td', {}, drain.nodes.map((n) => n.node).join(', ')),
    el('td', {}, bar(`Progress of ${drain.name}`, done, total), ` ${moved}/${total} moved${unmoved(drain.nodes)}`),
    el('td', {}, drain.requestedBy ?? '—'),
    el('td', {}, time(drain.createdAt)));
}

await startPage();
const refresh = coalesce(load, 500);
filter.addEventListener('change', () => {
  pages = 1;
  load();
});
more.addEventListener('click', () => {
  pages += 1;
  load();
});
await load();
follow('/api/v1/events', refresh);
