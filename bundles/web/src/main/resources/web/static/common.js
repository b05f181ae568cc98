// Shared by every page: the session, calls to the HTTP API as the signed-in user, and safe DOM building.
// Nothing here writes HTML from data: every value goes in as text.

const API = '/api/v1';
let session = null;

/** Calls the API; resolves to {status, ok, body} (body: parsed JSON or null). */
export async function api(method, path, body) {
  const headers = { 'X-Requested-With': 'fetch', 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  const response = await fetch(API + path, {
    method, headers, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (response.status === 401) {
    location.assign('/app/signin');
  }
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
  return { status: response.status, ok: response.ok, body: parsed };
}

/** The error message of a failed call, in the API's error shape. */
export function errorText(result) {
  const e = result.body && result.body.error;
  return e ? `${e.code}: ${e.message}` : `HTTP ${result.status}`;
}

/** Creates an element; attributes as given, children as nodes or text. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Shows a message (kind: ok | error | info) in a status box. */
export function say(box, kind, text) {
  box.replaceChildren(text === null ? '' : text);
  box.className = 'status ' + kind;
  box.hidden = text === null;
}

const PAGES = [
  { path: 'rep', title: 'Scientific inquiries', allows: s => s.function === 'COMMERCIAL' && s.role === 'REP' },
  { path: 'msl', title: 'Medical queue', allows: s => s.function === 'MEDICAL' },
  { path: 'compliance', title: 'Oversight', allows: s => s.role === 'COMPLIANCE_OFFICER' || s.role === 'MEDICAL_HEAD' },
  { path: 'admin', title: 'Administration', allows: s => s.function === 'ADMIN' }
];

/** Loads the session, fills the header (who, function, region, pages, sign-out); returns the session. */
export async function start() {
  const r = await api('GET', '/session');
  if (!r.ok) {
    location.assign('/app/signin');
    throw new Error('not signed in');
  }
  session = r.body;
  const header = document.getElementById('who');
  if (header) {
    header.replaceChildren(
      el('span', { id: 'who-user', class: 'user' }, session.id),
      el('span', { id: 'who-function', class: 'tag' }, `${session.function} · ${session.role}`),
      el('span', { id: 'who-region', class: 'tag' }, `region ${session.region}`),
      el('nav', {}, PAGES.filter(p => p.allows(session)).map(p =>
        el('a', { href: '/app/' + p.path, class: location.pathname === '/app/' + p.path ? 'current' : null }, p.title))),
      el('button', { id: 'sign-out', type: 'button', onclick: signOut }, 'Sign out'));
  }
  return session;
}

export async function signOut() {
  await api('DELETE', '/session');
  location.assign('/app/signin');
}

/** Formats an ISO-8601 instant for people, or an empty string. */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** A table with a header row and one row per item; cells are nodes or text. */
export function table(id, headings, rows) {
  return el('table', { id },
    el('thead', {}, el('tr', {}, headings.map(h => el('th', {}, h)))),
    el('tbody', {}, rows));
}
