/** Home page: the result folders, newest first, each linked to its page. */
import { api } from './lib/api.js';
import { el, fill, showError } from './lib/dom.js';
import { when } from './lib/format.js';

const PAGES = { run: 'run.html', compare: 'compare.html' };
const KIND_LABELS = { run: 'run', compare: 'comparison', batch: 'batch', sensitivity: 'sensitivity' };

function row(entry) {
  const page = PAGES[entry.kind];
  const name = page ? el('a', { href: `/${page}?id=${encodeURIComponent(entry.id)}` }, entry.name) : el('span', {}, entry.name);
  const scenarios = entry.kind === 'run' ? '' : entry.scenarios.join(', ');
  const counts = entry.kind === 'run' ? `${entry.seeds ?? '—'} seeds` : `${entry.runs ?? '—'} runs${entry.seeds ? ` (${entry.seeds} seeds)` : ''}`;
  return el(
    'tr',
    { 'data-id': entry.id, 'data-kind': entry.kind },
    el('td', {}, el('span', { class: `kind kind-${entry.kind}` }, KIND_LABELS[entry.kind] ?? entry.kind)),
    el('td', {}, name, scenarios ? el('div', { class: 'muted' }, scenarios) : null),
    el('td', {}, entry.model ?? '—'),
    el('td', { class: 'num' }, counts),
    el('td', { class: 'num' }, entry.ticks === null ? '—' : `${entry.ticks} weeks`),
    el('td', {}, el('span', { class: `status status-${entry.status}` }, entry.status)),
    el('td', {}, when(entry.createdAt)),
    el('td', { class: 'muted mono' }, entry.id),
  );
}

async function main() {
  const container = document.getElementById('results');
  try {
    const { results } = await api.list();
    if (results.length === 0) {
      fill(container, el('p', {}, 'No result folders yet. Make one with ', el('code', {}, 'npx sahel-sahara run scenarios/sahel-sahara-2012.yaml'), ' or ', el('code', {}, 'npm start'), '.'));
    } else {
      const head = el('tr', {}, ...['kind', 'name', 'model', 'size', 'length', 'status', 'created (UTC)', 'folder'].map((h) => el('th', { scope: 'col' }, h)));
      fill(container, el('table', { class: 'results', id: 'results-table' }, el('thead', {}, head), el('tbody', {}, ...results.map(row))));
    }
  } catch (error) {
    showError(container, error);
  }
  container.setAttribute('aria-busy', 'false');
}

main();
