import { api, el, errorText, say, start, table } from '/app/static/common.js';

const KNOWN_MODULES = ['compliance', 'handoff', 'kol-export', 'events'];
const status = document.getElementById('regions-status');

let regions = {};
const policyIds = new Set();

async function load() {
  const box = document.getElementById('regions');
  const [loaded, policies] = await Promise.all([api('GET', '/admin/regions'), api('GET', '/policies')]);
  if (!loaded.ok) {
    box.replaceChildren(el('p', { class: 'status error' }, errorText(loaded)));
    return;
  }
  if (policies.ok) {
    for (const [k, p] of Object.entries(policies.body)) if (k !== 'refused' && p && p.id) policyIds.add(p.id);
  }
  regions = loaded.body;
  render();
}

/** Shows the regions as last loaded, or as the API answered a change (Configuration Admin applies it asynchronously). */
function render() {
  const box = document.getElementById('regions');
  const rows = Object.entries(regions).sort(([a], [b]) => a.localeCompare(b)).map(([code, r]) => {
    const modules = [...new Set([...KNOWN_MODULES, ...r.modules])];
    const boxes = modules.map(m => el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: m, 'data-module': m, checked: r.modules.includes(m) }), m));
    const ids = [...new Set([...policyIds, r.policy].filter(Boolean))].sort();
    const policy = el('select', { class: 'policy', 'aria-label': `policy of ${code}` },
      ids.map(id => el('option', { value: id, selected: id === r.policy }, id)));
    return el('tr', { 'data-region': code },
      el('td', {}, el('strong', {}, code)),
      el('td', { class: 'modules' }, boxes),
      el('td', {}, policy, el('div', { class: 'muted' }, r.activePolicyVersion ? `active version ${r.activePolicyVersion}` : 'no active policy')),
      el('td', {}, el('button', { type: 'button', class: 'save', onclick: async () => {
        const chosen = boxes.map(b => b.firstChild).filter(b => b.checked).map(b => b.dataset.module);
        const result = await api('PUT', `/admin/regions/${encodeURIComponent(code)}`, { modules: chosen, policy: policy.value });
        if (result.ok) {
          // The version becomes known once the region is reconfigured; the same policy keeps its version.
          const before = regions[code];
          regions[code] = { ...result.body, activePolicyVersion: result.body.activePolicyVersion
            || (before.policy === result.body.policy ? before.activePolicyVersion : null) };
          say(status, 'ok', `Region ${code} saved: ${result.body.modules.join(', ')}; policy ${result.body.policy}.`);
        } else {
          say(status, 'error', errorText(result));
        }
        render();
      } }, 'Save')));
  });
  box.replaceChildren(table('regions-table', ['Region', 'Modules', 'Policy', ''], rows));
}

await start();
await load();
