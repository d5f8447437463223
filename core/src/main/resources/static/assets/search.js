// The search view: provider choice, the live stream (chips and a list re-ranked as providers answer), the
// outcome once done, and the pager.
import {$, clear, el, show} from './dom.js';
import {ApiError, get, recordClick, stream} from './api.js';
import {card, mergeLive} from './results.js';
import {hasQuery, toSearchQuery, toUrl} from './state.js';
import {loadPanels} from './panels.js';

const FAILED = new Set(['timeout', 'error', 'circuit_open', 'rejected']);
const answers = new Map(); // page URL -> done answer, so Back/Forward show a search again without re-running it
let catalog = [];
let running = null;
let current = null; // {state, queryId, entries: Map, done}

/** Loads the providers the caller may see (key-dependent) and draws the provider choice. */
export async function loadProviders() {
  try {
    catalog = (await get('/api/v1/providers')).providers;
  } catch {
    catalog = [];
  }
  answers.clear();
}

export function defaultProviders() {
  return catalog.filter(p => p.enabled && !p.slow).map(p => p.id);
}

/** The providers a state asks, null = the server's default (enabled, not slow, usable). */
export function chosen(state) {
  return state.providers ?? defaultProviders();
}

export function drawProviderChoice(state) {
  const list = clear($('#provider-list'));
  const selected = new Set(chosen(state));
  for (const p of catalog) {
    const notes = [p.slow && 'slow', !p.public && 'private', !p.enabled && 'off'].filter(Boolean);
    const box = el('input', {type: 'checkbox', name: 'provider', value: p.id, id: 'prov-' + p.id,
      checked: selected.has(p.id), disabled: !p.enabled});
    list.append(el('li', {class: p.enabled ? null : 'off'},
        el('label', {for: 'prov-' + p.id}, box, ' ', p.id, notes.length ? el('span', {class: 'hint'}, ' (' + notes.join(', ') + ')') : null)));
  }
}

/** The form as a state; providers null when the choice is the default one (keeps URLs short). */
export function formState(base) {
  const form = $('#search-form');
  const state = {...base, view: 'search', page: 1};
  for (const name of ['q', 'author', 'title', 'journal']) state[name] = form.elements[name].value.trim();
  state.size = parseInt(form.elements.size.value, 10) || 10;
  if (catalog.length) {
    const ids = [...form.querySelectorAll('input[name=provider]:checked')].map(b => b.value);
    const defaults = defaultProviders();
    const same = ids.length === defaults.length && ids.every(id => defaults.includes(id));
    state.providers = same ? null : ids;
  }
  return state;
}

export function fillForm(state) {
  const form = $('#search-form');
  for (const name of ['q', 'author', 'title', 'journal']) form.elements[name].value = state[name] || '';
  form.elements.size.value = String(state.size);
  if (state.author || state.title || state.journal) $('#filters').open = true;
  drawProviderChoice(state);
}

/**
 * Shows the state's search, streamed afresh; with fromMemory (Back, Forward, in-page links) an answer already
 * given in this tab is shown again as it was.
 */
export function showSearch(state, fromMemory) {
  if (running) running.abort();
  running = null;
  clear($('#chips'));
  clear($('#results'));
  show($('#outcome'), false);
  show($('#pager'), false);
  $('#search-status').textContent = '';
  if (!hasQuery(state)) return;
  const remembered = fromMemory ? answers.get(toUrl(state)) : null;
  current = {state, queryId: null, entries: new Map(), done: null};
  if (remembered) {
    for (const entry of remembered.providers) current.entries.set(entry.provider, entry);
    finish(remembered);
    return;
  }
  run(state);
}

async function run(state) {
  const controller = new AbortController();
  running = controller;
  const mine = current;
  const expected = state.providers ?? defaultProviders();
  for (const id of expected) drawChip({provider: id, status: 'pending'});
  $('#search-status').textContent = 'Searching ' + (expected.length ? expected.length + ' providers…' : '…');
  $('#main').setAttribute('aria-busy', 'true');
  try {
    await stream(toSearchQuery(state), (name, data) => {
      if (current !== mine) return;
      const payload = JSON.parse(data);
      if (name === 'provider') {
        mine.entries.set(payload.provider, payload);
        drawChip(payload);
        drawResults(mergeLive([...mine.entries.values()]));
        const waiting = expected.filter(id => !mine.entries.has(id)).length;
        $('#search-status').textContent = `${mine.entries.size} answered` + (waiting ? `, ${waiting} still searching…` : '');
      } else if (name === 'done') {
        answers.set(toUrl(state), payload);
        if (answers.size > 20) answers.delete(answers.keys().next().value);
        finish(payload);
        loadPanels(); // this search is now the most recent one
      }
    }, controller.signal);
    if (current === mine && !mine.done) stopped('The search stopped before it finished. Try again.');
  } catch (e) {
    if (e.name === 'AbortError' || current !== mine) return;
    clear($('#chips'));
    stopped(e instanceof ApiError ? e.message : 'The search could not reach the server. Try again.');
  } finally {
    if (running === controller) {
      running = null;
      $('#main').removeAttribute('aria-busy');
    }
  }
}

function finish(answer) {
  current.done = answer;
  current.queryId = answer.query_id;
  clear($('#chips'));
  for (const entry of answer.providers) drawChip(entry);
  drawResults(answer.results);
  const asked = answer.providers.filter(p => p.status !== 'disabled' && p.status !== 'not_entitled');
  const ok = answer.providers.filter(p => p.status === 'ok');
  const failed = answer.providers.filter(p => FAILED.has(p.status));
  const outcome = $('#outcome');
  clear(outcome);
  outcome.className = 'outcome';
  if (answer.results.length) {
    $('#search-status').textContent = `${answer.results.length} results from ${ok.length} of ${answer.providers.length} providers`
        + (failed.length ? `; ${failed.length} failed` : '') + ` (${answer.took_ms} ms).`;
    show(outcome, false);
  } else if (!asked.length) {
    outcome.classList.add('empty');
    outcome.append(el('h2', {}, 'No provider could be asked'),
        el('p', {}, answer.providers.length ? 'The chosen providers are switched off or not open to you.'
            : 'Choose at least one provider under “Filters and providers”.'));
    $('#search-status').textContent = 'No provider could be asked.';
    show(outcome, true);
  } else if (!ok.length) {
    outcome.classList.add('failed');
    outcome.append(el('h2', {}, 'Every provider failed'),
        el('p', {}, 'No provider answered, so we cannot tell whether anything matches. Each provider’s reason is shown above; try again in a moment.'));
    $('#search-status').textContent = 'Every provider failed.';
    show(outcome, true);
  } else {
    outcome.classList.add('empty');
    outcome.append(el('h2', {}, 'Nothing matched'),
        el('p', {}, `${ok.length === 1 ? 'The provider that answered' : 'The ' + ok.length + ' providers that answered'} found nothing for this search`
            + (failed.length ? `; ${failed.length} other${failed.length > 1 ? 's' : ''} failed.` : '.')
            + ' Try fewer or different words.'));
    $('#search-status').textContent = 'Nothing matched.';
    show(outcome, true);
  }
  drawPager(answer);
}

function stopped(message) {
  const outcome = clear($('#outcome'));
  outcome.className = 'outcome failed';
  outcome.append(el('h2', {}, 'The search failed'), el('p', {}, message));
  show(outcome, true);
  $('#search-status').textContent = message;
}

/** One chip per provider, replaced in place as its event arrives. */
function drawChip(entry) {
  const chips = $('#chips');
  const id = 'chip-' + entry.provider;
  const label = chipText(entry);
  const status = entry.stale ? 'stale' : entry.status;
  const chip = el('li', {class: 'chip chip-' + status, id, 'data-provider': entry.provider, 'data-status': status},
      el('span', {class: 'chip-name'}, entry.provider), ' ', el('span', {class: 'chip-detail'}, label));
  const existing = chips.querySelector(`[data-provider="${CSS.escape(entry.provider)}"]`);
  if (existing) existing.replaceWith(chip); else chips.append(chip);
}

function chipText(e) {
  switch (e.status) {
    case 'pending': return 'searching…';
    case 'ok': {
      const count = e.total ?? e.results.length;
      return `${e.stale ? 'stale: ' : ''}${count} result${count === 1 ? '' : 's'}, ${e.took_ms} ms`;
    }
    case 'timeout': return `timed out after ${e.took_ms} ms`;
    case 'error': return 'error: ' + (e.error || 'unknown');
    case 'circuit_open': return 'paused (circuit open)' + (e.error ? ': ' + e.error : '');
    case 'rejected': return 'too busy (rejected)';
    case 'not_entitled': return 'not open to you';
    case 'disabled': return 'disabled';
    default: return e.status;
  }
}

function drawResults(results) {
  const list = clear($('#results'));
  for (const r of results) list.append(card(r, opened));
  show(list, results.length > 0);
}

function opened(result) {
  if (current && current.queryId && result.id) recordClick(current.queryId, result.provider, result.id);
}

function drawPager(answer) {
  const state = current.state;
  const more = answer.providers.some(p => p.status === 'ok'
      && ((p.total ?? 0) > state.page * state.size || (p.total == null && p.results.length >= state.size)));
  show($('#pager'), state.page > 1 || more);
  $('#prev').disabled = state.page <= 1;
  $('#next').disabled = !more;
  $('#page-label').textContent = 'Page ' + state.page;
}
