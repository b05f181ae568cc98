import { api, el, errorText, say, start, table, when } from '/app/static/common.js';

/** Shows a refused section as the API's refusal, and nothing else. */
function refused(box, result) {
  box.replaceChildren(el('p', { class: 'status error refusal' }, errorText(result)));
}

async function loadEscalations() {
  const box = document.getElementById('escalations');
  const status = document.getElementById('escalations-status');
  const result = await api('GET', '/escalations');
  if (!result.ok) return refused(box, result);
  const rows = result.body.escalations.map(e => {
    const resolution = el('input', { type: 'text', placeholder: 'resolution', 'aria-label': 'resolution' });
    return el('tr', { 'data-id': e.id },
      el('td', {}, when(e.createdAt), el('br'), el('span', { class: 'muted' }, e.region)),
      el('td', {}, el('strong', {}, e.kind), el('br'), e.description || e.rule || ''),
      el('td', {}, e.actor || ''),
      el('td', {}, e.requirement || '', el('br'), el('span', { class: 'muted' }, e.rule || '')),
      el('td', {}, el('span', { class: 'badge' }, e.status), e.resolution ? el('div', {}, `${e.resolution} (${e.resolvedBy})`) : ''),
      el('td', {}, e.status === 'OPEN' ? el('div', { class: 'actions' }, resolution,
        el('button', { type: 'button', class: 'resolve', onclick: async () => {
          const r = await api('POST', `/escalations/${encodeURIComponent(e.id)}/resolve`, { resolution: resolution.value });
          say(status, r.ok ? 'ok' : 'error', r.ok ? 'Escalation resolved.' : errorText(r));
          await loadEscalations();
        } }, 'Resolve')) : ''));
  });
  box.replaceChildren(rows.length ? table('escalations-table', ['Raised', 'What', 'Who', 'Requirement', 'Status', 'Resolve'], rows)
    : el('p', { class: 'muted' }, 'No escalations.'));
}

async function loadReviews() {
  const box = document.getElementById('reviews');
  const status = document.getElementById('reviews-status');
  const filter = document.getElementById('review-filter').value;
  const result = await api('GET', '/reviews' + (filter ? `?status=${encodeURIComponent(filter)}` : ''));
  if (!result.ok) return refused(box, result);
  const rows = result.body.reviews.map(r => {
    const next = el('select', { 'aria-label': 'new status' }, el('option', { value: 'IN_REVIEW' }, 'In review'), el('option', { value: 'CLOSED' }, 'Closed'));
    const comment = el('input', { type: 'text', placeholder: 'comment', 'aria-label': 'comment' });
    return el('tr', { 'data-id': r.id },
      el('td', {}, when(r.createdAt), el('br'), el('span', { class: 'muted' }, r.region || '')),
      el('td', {}, r.actor || '', el('br'), el('span', { class: 'muted' }, [r.category, r.recordType].filter(Boolean).join(' · '))),
      el('td', {}, r.message || '', el('br'), el('span', { class: 'muted' }, [r.requirement, r.rule].filter(Boolean).join(' · '))),
      el('td', {}, el('span', { class: 'badge' }, r.status), r.comment ? el('div', {}, r.comment) : ''),
      el('td', {}, r.status === 'CLOSED' ? '' : el('div', { class: 'actions' }, next, comment,
        el('button', { type: 'button', class: 'set-status', onclick: async () => {
          const x = await api('POST', `/reviews/${encodeURIComponent(r.id)}/status`, { status: next.value, comment: comment.value });
          say(status, x.ok ? 'ok' : 'error', x.ok ? `Review ${next.value}.` : errorText(x));
          await loadReviews();
        } }, 'Set'))));
  });
  box.replaceChildren(rows.length ? table('reviews-table', ['Flagged', 'Who and what', 'Rule', 'Status', 'Change'], rows)
    : el('p', { class: 'muted' }, 'Nothing to review.'));
}

async function loadAudit() {
  const box = document.getElementById('audit');
  const result = await api('GET', '/audit?limit=200');
  if (!result.ok) {
    document.getElementById('verify-audit').disabled = true;
    return refused(box, result);
  }
  // Newest first, as the API answers.
  const rows = result.body.entries.map(a => el('tr', {},
    el('td', {}, String(a.seq)), el('td', {}, when(a.at)),
    el('td', {}, a.event.actor || ''), el('td', {}, `${a.event.action || ''} ${a.event.recordType || ''}`),
    el('td', {}, el('span', { class: 'badge' }, a.event.outcome || '')),
    el('td', {}, a.event.rule || '', el('br'), el('span', { class: 'muted' }, a.event.message || ''))));
  box.replaceChildren(rows.length ? table('audit-table', ['#', 'When', 'Actor', 'Operation', 'Outcome', 'Rule'], rows)
    : el('p', { class: 'muted' }, 'The audit trail is empty.'));
}

document.getElementById('verify-audit').addEventListener('click', async () => {
  const box = document.getElementById('verify-result');
  const result = await api('GET', '/audit/verify');
  if (!result.ok) return say(box, 'error', errorText(result));
  const v = result.body;
  say(box, v.valid ? 'ok' : 'error', v.valid
    ? `The audit chain is intact: ${v.entries} entries verified.`
    : `The audit chain is broken at entry ${v.firstBadEntry} (of ${v.entries}).`);
});

async function loadPolicies() {
  const box = document.getElementById('policies');
  const result = await api('GET', '/policies');
  if (!result.ok) return refused(box, result);
  const active = Object.entries(result.body).filter(([k]) => k !== 'refused').map(([region, p]) => el('tr', {},
    el('td', {}, region), el('td', {}, p.id), el('td', {}, p.version), el('td', {}, String(p.rules)),
    el('td', { class: 'muted' }, p.source || '')));
  const refusedRows = (result.body.refused || []).map(r => el('tr', {},
    el('td', {}, r.region || r.id || ''), el('td', {}, r.source || ''), el('td', {}, r.reason || JSON.stringify(r))));
  box.replaceChildren(
    table('policies-table', ['Region', 'Policy', 'Version', 'Rules', 'Source'], active),
    el('h3', {}, 'Refused policy documents'),
    refusedRows.length ? table('refused-table', ['Policy', 'Source', 'Reason'], refusedRows) : el('p', { class: 'muted' }, 'None.'));
}

document.getElementById('review-filter').addEventListener('change', loadReviews);

await start();
await Promise.all([loadEscalations(), loadReviews(), loadAudit(), loadPolicies()]);
