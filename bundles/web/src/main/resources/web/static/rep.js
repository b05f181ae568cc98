import { api, el, errorText, say, start, table, when } from '/app/static/common.js';

const form = document.getElementById('inquiry-form');
const fields = document.getElementById('inquiry-fields');
const status = document.getElementById('inquiry-status');
const moduleStatus = document.getElementById('module-status');
const preview = document.getElementById('question-preview');
const TEXT_FIELDS = ['question', 'product', 'hcpId', 'window', 'email', 'phone'];

/** The terms a content refusal asks to remove: the quoted strings after "Remove:". */
function termsToRemove(message) {
  const at = message.indexOf('Remove:');
  if (at < 0) return [];
  return [...message.slice(at).matchAll(/"([^"]+)"/g)].map(m => m[1]);
}

/** Marks the fields that hold a refused term and shows the question with the terms marked. */
function highlight(terms) {
  for (const name of TEXT_FIELDS) {
    const input = form.elements[name];
    const value = input.value.toLowerCase();
    input.classList.toggle('refused', terms.some(t => value.includes(t.toLowerCase())));
  }
  const question = form.elements.question.value;
  const parts = [];
  let rest = question;
  while (terms.length && rest) {
    const lower = rest.toLowerCase();
    let best = -1, term = null;
    for (const t of terms) {
      const i = lower.indexOf(t.toLowerCase());
      if (i >= 0 && (best < 0 || i < best)) { best = i; term = t; }
    }
    if (best < 0) break;
    parts.push(rest.slice(0, best), el('mark', {}, rest.slice(best, best + term.length)));
    rest = rest.slice(best + term.length);
  }
  parts.push(rest);
  preview.replaceChildren('Remove what is marked: ', ...parts);
  preview.hidden = !terms.some(t => question.toLowerCase().includes(t.toLowerCase()));
}

function clearHighlight() {
  for (const name of TEXT_FIELDS) form.elements[name].classList.remove('refused');
  preview.hidden = true;
}

function disabled(result) {
  const off = result.status === 503;
  fields.disabled = off;
  say(moduleStatus, 'info', off ? `Not available: ${result.body.error.message}` : null);
  return off;
}

async function loadMine() {
  const result = await api('GET', '/handoffs');
  const box = document.getElementById('my-inquiries');
  if (disabled(result)) {
    box.replaceChildren(el('p', { class: 'muted' }, 'The hand-off is switched off in your region.'));
    return;
  }
  if (!result.ok) {
    box.replaceChildren(el('p', { class: 'status error' }, errorText(result)));
    return;
  }
  const rows = result.body.handoffs
    .sort((a, b) => (b.submittedAt || '').localeCompare(a.submittedAt || ''))
    .map(h => el('tr', { 'data-id': h.id },
      el('td', {}, when(h.submittedAt)),
      el('td', {}, el('span', { class: 'badge ' + h.status }, h.status)),
      el('td', { class: 'summary' }, h.interestSummary || el('span', { class: 'muted' }, '—'))));
  box.replaceChildren(rows.length ? table('inquiries', ['Submitted', 'Status', 'Scientific interest (step 5)'], rows)
    : el('p', { class: 'muted', id: 'no-inquiries' }, 'No inquiries yet.'));
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  clearHighlight();
  const v = name => form.elements[name].value.trim();
  const contact = {};
  if (v('email')) contact.email = v('email');
  if (v('phone')) contact.phone = v('phone');
  const body = {
    hcpId: v('hcpId'), hcpContact: contact, category: v('category'), question: v('question'), product: v('product'),
    preferredContact: { channel: v('channel'), window: v('window') },
    unsolicited: form.elements.unsolicited.checked
  };
  const result = await api('POST', '/handoffs', body);
  if (result.status === 201) {
    say(status, 'ok', `Sent to Medical Affairs: status ${result.body.status}.`);
    form.reset();
    await loadMine();
  } else if (result.status === 422) {
    const error = result.body.error;
    say(status, 'error', error.message);
    highlight(termsToRemove(error.message));
    if (!form.elements.unsolicited.checked) form.elements.unsolicited.parentElement.classList.add('refused');
  } else {
    disabled(result);
    say(status, 'error', errorText(result));
  }
});

form.elements.unsolicited.addEventListener('change', e => e.target.parentElement.classList.remove('refused'));

await start();
await loadMine();
