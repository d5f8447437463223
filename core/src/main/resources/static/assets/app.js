// The page's entry: routing by URL (pushState/popstate), the API key settings, and the wiring of each view.
import {$, show} from './dom.js';
import {apiKey, get, setApiKey} from './api.js';
import {fromUrl, toUrl} from './state.js';
import {fillForm, formState, loadProviders, showSearch} from './search.js';
import {attachSuggest} from './suggest.js';
import {loadPanels} from './panels.js';
import {initHistory, loadHistory} from './history.js';
import {initAdmin, startAdmin, stopAdmin} from './admin.js';

let role = 'anonymous'; // anonymous | key | admin

function navigate(state) {
  const url = toUrl(state);
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  render();
}

async function render(fromMemory = false) {
  const state = fromUrl();
  let view = state.view;
  if ((view === 'history' && role === 'anonymous') || (view === 'admin' && role !== 'admin')) view = 'search';
  for (const name of ['search', 'history', 'admin']) show($('#view-' + name), name === view);
  document.querySelectorAll('[data-view]').forEach(a => {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  if (view !== 'admin') stopAdmin();
  if (view === 'search') {
    document.title = state.q ? `${state.q} – Fedsearch` : 'Fedsearch';
    fillForm(state);
    showSearch(state, fromMemory);
  } else if (view === 'history') {
    document.title = 'History – Fedsearch';
    loadHistory();
  } else {
    document.title = 'Administration – Fedsearch';
    startAdmin();
  }
}

/** Who the key speaks for: no key, a key, or an admin key (it may read /admin/flags). */
async function resolveRole() {
  role = 'anonymous';
  const status = $('#key-status');
  if (apiKey()) {
    try {
      await get('/api/v1/providers');
      role = 'key';
      try {
        await get('/admin/flags');
        role = 'admin';
      } catch { /* not an admin key */ }
      status.textContent = role === 'admin' ? 'Admin key in use.' : 'Key in use.';
    } catch (e) {
      status.textContent = 'This key was refused: ' + e.message;
      setApiKey(null);
    }
  } else {
    status.textContent = 'No key: public providers only.';
  }
  document.querySelector('[data-view=history]').parentElement.hidden = role === 'anonymous';
  document.querySelector('[data-view=admin]').parentElement.hidden = role !== 'admin';
  $('#key-open').textContent = role === 'anonymous' ? 'API key' : role === 'admin' ? 'Admin key ✓' : 'API key ✓';
  await loadProviders();
  loadPanels();
}

function initKeyDialog() {
  const dialog = $('#key-dialog');
  $('#key-open').addEventListener('click', () => {
    $('#key-input').value = '';
    dialog.showModal();
    $('#key-input').focus();
  });
  $('#key-close').addEventListener('click', () => dialog.close());
  $('#key-forget').addEventListener('click', async () => {
    setApiKey(null);
    await resolveRole();
    render();
  });
  $('#key-settings').addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = $('#key-input').value.trim();
    if (!value) return;
    setApiKey(value);
    $('#key-input').value = '';
    await resolveRole();
    if (role !== 'anonymous') dialog.close();
    render();
  });
}

function init() {
  const form = $('#search-form');
  const combo = attachSuggest($('#q'), $('#suggestions'), () => form.requestSubmit());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    combo.close();
    navigate(formState(fromUrl()));
  });
  $('#prev').addEventListener('click', () => navigate({...fromUrl(), page: Math.max(1, fromUrl().page - 1)}));
  $('#next').addEventListener('click', () => navigate({...fromUrl(), page: fromUrl().page + 1}));
  // Links inside the page (views, recent searches, history) change the URL without reloading it.
  document.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-view], a[data-internal], a#home');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    render(true);
    $('#main').focus({preventScroll: true});
  });
  window.addEventListener('popstate', () => render(true));
  initKeyDialog();
  initHistory();
  initAdmin();
  resolveRole().then(render);
}

init();
