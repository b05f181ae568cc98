import { say } from '/app/static/common.js';

const form = document.getElementById('signin-form');
const status = document.getElementById('signin-status');

form.addEventListener('submit', async event => {
  event.preventDefault();
  say(status, 'info', 'Signing in…');
  const response = await fetch('/api/v1/session', {
    method: 'POST', credentials: 'same-origin', cache: 'no-store',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'fetch' },
    body: JSON.stringify({ user: form.user.value.trim(), password: form.password.value })
  });
  form.password.value = '';
  if (response.status === 201) {
    location.assign('/app/');
  } else if (response.status === 401) {
    say(status, 'error', 'Wrong user or password.');
  } else {
    const body = await response.json().catch(() => null);
    say(status, 'error', body && body.error ? body.error.message : `Sign-in failed (HTTP ${response.status}).`);
  }
});
