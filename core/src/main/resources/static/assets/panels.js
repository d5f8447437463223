// "Recent searches", "Recently opened" and "Trending" (with a key).
import {$, clear, el, formatTime, linkOrText, show} from './dom.js';
import {apiKey, get} from './api.js';
import {toUrl} from './state.js';

export async function loadPanels() {
  const panels = $('#panels');
  if (!apiKey()) return show(panels, false);
  show(panels, true);
  await Promise.all([
    fill('#recent-queries', '/api/v1/me/recent-queries', a => a.queries, q => {
      const state = {view: 'search', q: q.q || '', author: q.author || '', title: q.title || '',
        journal: q.journal || '', providers: null, page: 1, size: 10};
      const words = [q.q, q.author && 'author: ' + q.author, q.title && 'title: ' + q.title,
        q.journal && 'journal: ' + q.journal].filter(Boolean).join(' · ');
      return el('li', {}, el('a', {href: toUrl(state), 'data-internal': ''}, words),
          el('span', {class: 'hint'}, ' ' + formatTime(q.timestamp)));
    }, 'No searches yet.'),
    fill('#recent-clicks', '/api/v1/me/recent-clicks', a => a.results, opened, 'Nothing opened yet.'),
    fill('#trending', '/api/v1/trending?days=7&limit=5', a => a.results, opened, 'Nothing trending yet.'),
  ]);
}

function opened(r) {
  return el('li', {}, linkOrText(r.url, r.title || r.url || r.result_id), el('span', {class: 'hint'}, ' ' + r.provider));
}

async function fill(selector, path, pick, item, empty) {
  const list = clear($(selector));
  try {
    const items = pick(await get(path)) || [];
    if (!items.length) list.append(el('li', {class: 'hint'}, empty));
    for (const i of items) list.append(item(i));
  } catch (e) {
    list.append(el('li', {class: 'hint'}, 'Not available: ' + e.message));
  }
}
