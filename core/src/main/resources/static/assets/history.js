// The caller's own past queries (/api/v1/queries), filtered by text (on the page) and date (by the API), each
// with its stored results (/api/v1/queries/{id}), and the export (fetched with the key header, then saved).
import {$, clear, el, formatTime, show} from './dom.js';
import {download, get} from './api.js';
import {card} from './results.js';
import {toUrl} from './state.js';

let cursor = null;
let shown = 0;

function range() {
  const from = $('#h-from').value;
  const to = $('#h-to').value;
  const p = new URLSearchParams();
  if (from) p.set('from', String(Math.floor(new Date(from + 'T00:00:00').getTime() / 1000)));
  if (to) p.set('to', String(Math.floor(new Date(to + 'T23:59:59').getTime() / 1000)));
  if (from && !to) p.set('to', String(Math.floor(Date.now() / 1000)));
  return p;
}

export function initHistory() {
  $('#history-form').addEventListener('submit', (e) => {
    e.preventDefault();
    loadHistory();
  });
  $('#h-more').addEventListener('click', () => loadHistory(cursor));
  $('#h-export').addEventListener('click', async () => {
    try {
      await download('/api/v1/queries/export?' + range(), 'queries.json');
      $('#history-status').textContent = 'Export downloaded.';
    } catch (e) {
      $('#history-status').textContent = 'Export failed: ' + e.message;
    }
  });
}

export async function loadHistory(after = null) {
  const body = $('#history-table tbody');
  if (!after) {
    clear(body);
    shown = 0;
    show($('#history-detail'), false);
  }
  const p = range();
  p.set('limit', '100');
  if (after) p.set('cursor', after);
  const text = $('#h-text').value.trim().toLowerCase();
  $('#history-status').textContent = 'Loading…';
  try {
    const page = await get('/api/v1/queries?' + p);
    for (const q of page.queries) {
      const words = [q.q, q.author && 'author: ' + q.author, q.title && 'title: ' + q.title,
        q.journal && 'journal: ' + q.journal].filter(Boolean).join(' · ');
      if (text && !words.toLowerCase().includes(text)) continue;
      shown++;
      const again = {view: 'search', q: q.q || '', author: q.author || '', title: q.title || '',
        journal: q.journal || '', providers: q.providers.map(s => s.provider), page: 1, size: 10};
      const button = el('button', {type: 'button', class: 'small'}, 'Results');
      button.addEventListener('click', () => details(q.query_id, words));
      body.append(el('tr', {},
          el('td', {}, formatTime(q.timestamp)),
          el('td', {}, el('a', {href: toUrl(again), 'data-internal': ''}, words)),
          el('td', {}, q.providers.map(s => `${s.provider} ${s.status}${s.status === 'ok' ? ' (' + s.returned + ')' : ''}`).join(', ')),
          el('td', {}, q.took_ms + ' ms'),
          el('td', {}, button)));
    }
    cursor = page.next_cursor;
    show($('#h-more'), !!cursor);
    $('#history-status').textContent = shown ? `${shown} queries shown.` : 'No queries in this range.';
  } catch (e) {
    $('#history-status').textContent = 'History not available: ' + e.message;
  }
}

async function details(id, words) {
  const list = clear($('#history-results'));
  try {
    const q = await get('/api/v1/queries/' + encodeURIComponent(id));
    $('#detail-heading').textContent = `Stored results of “${words}”`;
    if (!q.results.length) list.append(el('li', {class: 'hint'}, 'No results were stored for this query.'));
    for (const r of q.results) list.append(card({...r, providers: [r.provider]}));
    show($('#history-detail'), true);
    $('#detail-heading').focus();
  } catch (e) {
    $('#history-status').textContent = 'Could not read the query: ' + e.message;
  }
}
