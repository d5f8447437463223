// Everything the page shows lives in its URL (/?q=...&providers=...&page=2), so Back, Forward, reload and
// shared links all work. The API key is never part of it.

const TEXT = ['q', 'author', 'title', 'journal'];
export const SIZES = [5, 10, 20, 50, 100];

export function fromUrl(search = location.search) {
  const p = new URLSearchParams(search);
  const state = {view: ['history', 'admin'].includes(p.get('view')) ? p.get('view') : 'search'};
  for (const name of TEXT) state[name] = (p.get(name) || '').trim();
  const providers = p.get('providers');
  state.providers = providers ? providers.split(',').map(s => s.trim()).filter(Boolean) : null;
  state.page = clamp(parseInt(p.get('page'), 10), 1, 1000, 1);
  const size = parseInt(p.get('size'), 10);
  state.size = SIZES.includes(size) ? size : 10;
  return state;
}

/** The page URL's query for a state (defaults left out, so links stay short). */
export function toUrl(state) {
  const p = new URLSearchParams();
  if (state.view !== 'search') p.set('view', state.view);
  for (const name of TEXT) if (state[name]) p.set(name, state[name]);
  if (state.providers) p.set('providers', state.providers.join(','));
  if (state.page > 1) p.set('page', String(state.page));
  if (state.size !== 10) p.set('size', String(state.size));
  const query = p.toString();
  return '/' + (query ? '?' + query : '');
}

/** The search API's query for a state. */
export function toSearchQuery(state) {
  const p = new URLSearchParams();
  for (const name of TEXT) if (state[name]) p.set(name, state[name]);
  if (state.providers) p.set('providers', state.providers.join(','));
  p.set('page', String(state.page));
  p.set('size', String(state.size));
  return p.toString();
}

export function hasQuery(state) {
  return TEXT.some(name => state[name]);
}

function clamp(n, lo, hi, fallback) {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : fallback;
}
