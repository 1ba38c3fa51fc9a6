// What every signed-in page shares: who is signed in, and signing out.
import { me, post } from './api.js';
import { fill } from './dom.js';

/** Fills the header with the caller and wires the sign-out button; resolves to the caller. */
export async function startPage() {
  // The button is disabled in the page until this script has wired it, so a click never lands on a dead button.
  const logout = document.getElementById('logout');
  logout.addEventListener('click', async () => {
    await post('/ui/logout');
    location.assign('/ui/login.html');
  });
  logout.disabled = false;
  const who = await me();
  fill('who', `${who.name} (${who.role})`);
  return who;
}

/** Shows a message in the page's status line (announced to screen readers). */
export function say(message, isError = false) {
  const node = fill('status', message);
  node.classList.toggle('error', isError);
}
