// Says why the last sign-in failed (the server redirects here with ?failed=...).
const reasons = {
  refused: 'That token was not accepted: it is unknown, expired, or carries no role. Check it, or ask for a new one.',
  malformed: 'Paste a whole token: at most 4000 printable characters, no spaces.',
};
const failed = new URLSearchParams(location.search).get('failed');
if (failed) {
  const status = document.getElementById('status');
  status.textContent = reasons[failed] || 'Sign-in failed; try again.';
  status.classList.add('error');
}
document.getElementById('token').focus();
