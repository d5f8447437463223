// Result cards, shared by the live search and the history view.
import {el, linkOrText, safeUrl} from './dom.js';

const MAX_AUTHORS = 6;

/**
 * One result as a card. onOpen(result) is called when its link is followed (click or middle click).
 * Every field is text; the title is a link only for an http(s) URL.
 */
export function card(result, onOpen) {
  const title = result.title || result.url || result.id || '(untitled)';
  const heading = el('h3', {class: 'title'}, linkOrText(result.url, title, {class: 'result-link'}));
  const link = heading.querySelector('a');
  if (link && onOpen) {
    link.addEventListener('click', () => onOpen(result));
    link.addEventListener('auxclick', (e) => { if (e.button === 1) onOpen(result); });
  }
  const meta = [];
  if (result.authors && result.authors.length) {
    const names = result.authors.slice(0, MAX_AUTHORS).join(', ');
    meta.push(el('span', {class: 'authors'}, result.authors.length > MAX_AUTHORS ? names + ' et al.' : names));
  }
  if (result.published) meta.push(el('span', {class: 'date'}, result.published));
  if (result.journal) meta.push(el('span', {class: 'journal'}, result.journal));
  if (result.doi) {
    const doiUrl = 'https://doi.org/' + String(result.doi).replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, '')
        .split('/').map(encodeURIComponent).join('/');
    meta.push(el('span', {class: 'doi'}, 'DOI ', linkOrText(safeUrl(doiUrl), result.doi)));
  }
  const providers = result.providers || (result.provider ? [result.provider] : []);
  return el('li', {class: 'card'},
      heading,
      result.url ? el('p', {class: 'url'}, result.url) : null,
      result.snippet ? el('p', {class: 'snippet'}, result.snippet) : null,
      meta.length ? el('p', {class: 'meta'}, meta) : null,
      providers.length ? el('ul', {class: 'badges', 'aria-label': 'Found by'},
          providers.map(p => el('li', {class: 'badge'}, p))) : null);
}

/** Folds hits by URL or DOI and sums their fusion scores, as the server does, while providers still answer. */
export function mergeLive(entries) {
  const byKey = new Map();
  const folded = [];
  for (const entry of entries) {
    for (const r of entry.results || []) {
      const keys = [];
      if (r.url) keys.push('url:' + normaliseUrl(r.url));
      if (r.doi) keys.push('doi:' + String(r.doi).toLowerCase().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/, ''));
      let into = keys.map(k => byKey.get(k)).find(Boolean);
      if (!into) {
        into = {...r, providers: [entry.provider], score: r.score || 0};
        folded.push(into);
      } else {
        if (!into.providers.includes(entry.provider)) into.providers.push(entry.provider);
        into.score += r.score || 0;
        for (const f of ['title', 'url', 'snippet', 'published', 'journal', 'doi']) into[f] = into[f] ?? r[f];
        if (!into.authors || !into.authors.length) into.authors = r.authors;
      }
      for (const k of keys) if (!byKey.has(k)) byKey.set(k, into);
    }
  }
  return folded.sort((a, b) => b.score - a.score);
}

function normaliseUrl(url) {
  try {
    const u = new URL(url.trim());
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    const port = u.port && u.port !== '80' && u.port !== '443' ? ':' + u.port : '';
    return host + port + u.pathname.replace(/\/$/, '') + u.search;
  } catch {
    return url.trim().toLowerCase();
  }
}
