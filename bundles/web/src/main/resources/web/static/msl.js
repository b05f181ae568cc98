import { api, el, errorText, say, start, table, when } from '/app/static/common.js';

const queueStatus = document.getElementById('queue-status');

async function loadInbox() {
  const result = await api('GET', '/inbox');
  const box = document.getElementById('inbox');
  if (!result.ok) {
    box.replaceChildren(el('p', { class: 'status error' }, errorText(result)));
    return;
  }
  const rows = result.body.notifications.map(n => el('tr', {},
    el('td', {}, when(n.createdAt)), el('td', {}, n.message)));
  box.replaceChildren(rows.length ? table('inbox-table', ['When', 'Notification'], rows)
    : el('p', { class: 'muted' }, 'Nothing new.'));
}

/** Runs a workflow step and reloads the queue; the API decides whether the step is allowed. */
async function step(id, action, body) {
  const result = await api('POST', `/handoffs/${encodeURIComponent(id)}/${action}`, body);
  if (result.ok) {
    say(queueStatus, 'ok', `${action}: done (status ${result.body.status || 'unchanged'}).`);
  } else {
    say(queueStatus, 'error', errorText(result));
  }
  await loadQueue();
}

function actions(h) {
  const cell = el('div', { class: 'actions' });
  const input = (placeholder, type = 'text') => el('input', { type, placeholder, 'aria-label': placeholder });
  if (h.status === 'SUBMITTED') {
    const reason = input('reason to decline');
    cell.append(
      el('button', { type: 'button', class: 'accept', onclick: () => step(h.id, 'accept') }, 'Accept'),
      reason,
      el('button', { type: 'button', class: 'decline secondary', onclick: () => step(h.id, 'decline', { reason: reason.value }) }, 'Decline'));
  }
  if (h.status === 'ACCEPTED') {
    const at = input('when', 'datetime-local');
    at.className = 'schedule-at';
    cell.append(at, el('button', { type: 'button', class: 'schedule secondary', onclick: () => {
      const d = new Date(at.value);
      step(h.id, 'schedule', { at: isNaN(d) ? at.value : d.toISOString() });
    } }, 'Schedule'));
  }
  if (h.status === 'ACCEPTED' || h.status === 'SCHEDULED') {
    const notes = input('follow-up notes (stay with Medical)');
    notes.className = 'complete-notes';
    cell.append(notes, el('button', { type: 'button', class: 'complete', onclick: () => step(h.id, 'complete', { notes: notes.value }) }, 'Complete'));
  }
  if (h.status === 'COMPLETED' && !h.interestSummary) {
    const summary = input('scientific interest, for the rep');
    summary.className = 'interest-summary';
    cell.append(summary, el('button', { type: 'button', class: 'share', onclick: () => step(h.id, 'interest', { summary: summary.value }) }, 'Share summary'));
  }
  return cell;
}

async function loadQueue() {
  const result = await api('GET', '/handoffs');
  const box = document.getElementById('queue');
  const moduleStatus = document.getElementById('module-status');
  say(moduleStatus, 'info', result.status === 503 ? `Not available: ${result.body.error.message}` : null);
  if (!result.ok) {
    box.replaceChildren(el('p', { class: 'status error' }, errorText(result)));
    return;
  }
  const rows = result.body.handoffs
    .sort((a, b) => (b.submittedAt || '').localeCompare(a.submittedAt || ''))
    .map(h => el('tr', { 'data-id': h.id },
      el('td', {}, when(h.submittedAt), el('br'), el('span', { class: 'muted' }, h.submittedBy || '')),
      el('td', {}, el('span', { class: 'badge ' + h.status }, h.status), el('br'), h.assignee ? `by ${h.assignee}` : ''),
      el('td', {}, el('strong', {}, h.category || ''), el('br'), h.question || '', el('br'), el('span', { class: 'muted' }, h.product || '')),
      el('td', {}, h.hcpId || '', el('br'), Object.values(h.hcpContact || {}).join(', '), el('br'),
        el('span', { class: 'muted' }, h.preferredContact ? `${h.preferredContact.channel} ${h.preferredContact.window || ''}` : '')),
      el('td', {}, h.scheduledAt ? `scheduled ${when(h.scheduledAt)}` : '', h.mslNotes ? el('div', {}, `notes: ${h.mslNotes}`) : '',
        h.declineReason ? el('div', {}, `declined: ${h.declineReason}`) : '',
        h.interestSummary ? el('div', { class: 'summary' }, `shared: ${h.interestSummary}`) : ''),
      el('td', {}, actions(h))));
  box.replaceChildren(rows.length ? table('queue-table', ['Submitted', 'Status', 'Question', 'HCP and contact', 'Follow-up', 'Next step'], rows)
    : el('p', { class: 'muted', id: 'queue-empty' }, 'The queue is empty.'));
}

// KOL profiles
const kolForm = document.getElementById('kol-form');
const kolStatus = document.getElementById('kol-status');
const LISTS = ['scientificInterests', 'dataGaps', 'publications', 'trialRoles', 'guidelineRoles', 'societyRoles'];
const field = name => document.getElementById('kol-' + name);
const lines = text => text.split('\n').map(s => s.trim()).filter(Boolean);

function showProfile(p) {
  field('id').value = p.id || '';
  field('version').value = p.version || '';
  for (const name of ['hcpId', 'name', 'specialty', 'institution', 'region']) field(name).value = p[name] || '';
  for (const name of LISTS) field(name).value = (p[name] || []).join('\n');
  field('peers').value = (p.peers || []).map(x => `${x.hcpId}, ${x.relation}`).join('\n');
  field('profilingObjection').checked = !!p.profilingObjection;
  const tier = document.getElementById('kol-tier');
  tier.replaceChildren(p.id ? el('div', { id: 'kol-result' },
    el('p', {}, 'Profile ', el('code', { id: 'kol-shown-id' }, p.id), ' — ',
      el('strong', { id: 'kol-tier-value' }, p.tier === undefined || p.tier === null ? 'no tier' : `tier ${p.tier}`)),
    el('ul', { class: 'reasons', id: 'kol-reasons' }, (p.tierReasons || []).map(r => el('li', {}, r)))) : '');
}

/** The region's profiles, each with a button that opens it in the form. */
async function loadProfiles() {
  const box = document.getElementById('kol-list');
  const result = await api('GET', '/kols');
  if (!result.ok) {
    box.replaceChildren(el('p', { class: 'status error' }, errorText(result)));
    return;
  }
  const rows = result.body.map(p => el('tr', {},
    el('td', {}, p.name || ''), el('td', {}, p.specialty || ''), el('td', {}, p.institution || ''),
    el('td', {}, p.tier === undefined || p.tier === null ? 'no tier' : `tier ${p.tier}`),
    el('td', {}, el('button', { type: 'button', class: 'secondary', 'data-kol': p.id,
      onclick: () => { showProfile(p); say(kolStatus, null, null); } }, 'Open'))));
  box.replaceChildren(rows.length ? table('kol-table', ['Name', 'Specialty', 'Institution', 'Tier', ''], rows)
    : el('p', { class: 'muted' }, 'No profiles in your region yet.'));
}

function profileBody() {
  const body = {};
  for (const name of ['hcpId', 'name', 'specialty', 'institution', 'region']) body[name] = field(name).value.trim();
  for (const name of LISTS) body[name] = lines(field(name).value);
  body.peers = lines(field('peers').value).map(l => {
    const [hcpId, ...relation] = l.split(',');
    return { hcpId: hcpId.trim(), relation: relation.join(',').trim() };
  });
  body.profilingObjection = field('profilingObjection').checked;
  return body;
}

kolForm.addEventListener('submit', async event => {
  event.preventDefault();
  const id = field('id').value;
  const body = profileBody();
  let result;
  if (id) {
    body.version = Number(field('version').value);
    result = await api('PUT', `/kols/${encodeURIComponent(id)}`, body);
  } else {
    result = await api('POST', '/kols', body);
  }
  if (result.ok) {
    showProfile(result.body);
    say(kolStatus, 'ok', id ? 'Profile saved.' : 'Profile created.');
    await loadProfiles();
  } else {
    say(kolStatus, 'error', errorText(result));
  }
});

document.getElementById('kol-open').addEventListener('click', async () => {
  const id = document.getElementById('kol-open-id').value.trim();
  const result = await api('GET', `/kols/${encodeURIComponent(id)}`);
  if (result.ok) {
    showProfile(result.body);
    say(kolStatus, null, null);
  } else {
    say(kolStatus, 'error', errorText(result));
  }
});

document.getElementById('kol-new').addEventListener('click', () => {
  showProfile({ region: session.region });
  say(kolStatus, null, null);
});

const session = await start();
field('region').value = session.region === 'GLOBAL' ? '' : session.region;
await Promise.all([loadInbox(), loadQueue(), loadProfiles()]);
