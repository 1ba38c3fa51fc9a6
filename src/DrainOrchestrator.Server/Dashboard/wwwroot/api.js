// The dashboard's door to /api/v1: the session cookie authenticates, and every state change carries the anti-forgery
// value that /api/v1/me hands to a signed-in page. A 401 sends the browser to the login page.

const LOGIN = '/ui/login.html';
let caller = null;

async function request(path, options = {}) {
  const response = await fetch(path, { credentials: 'same-origin', ...options });
  if (response.status === 401) {
    location.assign(LOGIN);
    throw new Error('Not signed in');
  }
  return response;
}

async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || response.statusText;
  } catch {
    return response.status + ' ' + response.statusText;
  }
}

/** Who is signed in: { name, role, csrfToken }. */
export async function me() {
  if (!caller) {
    const response = await request('/api/v1/me', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(await problem(response));
    caller = await response.json();
  }
  return caller;
}

/** Whether the caller's role may pause, resume, cancel and approve (the API decides regardless). */
export function canOperate(who) {
  return who.role === 'operator' || who.role === 'admin';
}

/** GETs JSON; throws with the API's own words on an error. */
export async function getJson(path) {
  const response = await request(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(await problem(response));
  return response.json();
}

/** POSTs (JSON body optional); resolves to { ok, message }. */
export async function post(path, body) {
  const who = await me();
  const headers = { Accept: 'application/json', 'X-Drain-Csrf': who.csrfToken || '' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await request(path, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) return { ok: false, message: await problem(response) };
  let message = 'Done.';
  try {
    const result = await response.json();
    message = result.message || message;
  } catch {
    // No body to tell more.
  }
  return { ok: true, message };
}
