// The admin view (admin key): providers with circuit state, calls, errors, p50/p95 refreshed every few seconds,
// flag switches, cache flush and config reload, and API keys (list, create with the secret shown once, revoke).
import {$, clear, el, formatTime, show} from './dom.js';
import {call, get} from './api.js';

const REFRESH_MS = 3000;
let timer = null;
let flags = {};

export function initAdmin() {
  $('#flush').addEventListener('click', () => act('POST', '/admin/cache/flush', 'Caches flushed on every replica.'));
  $('#reload').addEventListener('click', () => act('POST', '/admin/config/reload', 'Configuration reloaded.'));
  $('#key-form').addEventListener('submit', createKey);
}

export function startAdmin() {
  stopAdmin();
  refresh();
  loadKeys();
  timer = setInterval(refresh, REFRESH_MS);
}

export function stopAdmin() {
  clearInterval(timer);
  timer = null;
}

async function act(method, path, done) {
  try {
    await call(method, path);
    say(done);
  } catch (e) {
    say('Failed: ' + e.message);
  }
}

function say(text) {
  $('#admin-status').textContent = text;
}

async function refresh() {
  try {
    const [providers, flagAnswer] = await Promise.all([get('/api/v1/providers'), get('/admin/flags')]);
    flags = flagAnswer.flags;
    drawProviders(providers.providers);
    drawFlags();
  } catch (e) {
    say('Could not refresh: ' + e.message);
  }
}

function switchButton(name, label) {
  const on = flags[name] !== false;
  const button = el('button', {type: 'button', role: 'switch', 'aria-checked': String(on), class: 'switch',
    'data-flag': name, 'aria-label': label}, on ? 'On' : 'Off');
  button.addEventListener('click', async () => {
    try {
      const answer = await call('PUT', '/admin/flags/' + encodeURIComponent(name), {enabled: !on});
      flags[name] = answer.enabled;
      say(`${label}: ${answer.enabled ? 'on' : 'off'}.`);
      refresh();
    } catch (e) {
      say('Failed: ' + e.message);
    }
  });
  return button;
}

function drawProviders(providers) {
  const body = $('#admin-providers tbody');
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.flag : null;
  clear(body);
  for (const p of providers) {
    const flagName = 'provider.' + p.id;
    const off = !p.enabled || flags[flagName] === false;
    body.append(el('tr', {'data-provider': p.id, class: off ? 'off' : null},
        el('th', {scope: 'row'}, p.id, p.slow ? el('span', {class: 'hint'}, ' slow') : null,
            !p.public ? el('span', {class: 'hint'}, ' private') : null),
        el('td', {}, p.type),
        el('td', {}, el('span', {class: 'circuit circuit-' + p.circuit}, p.circuit.replace('_', ' '))),
        el('td', {}, p.calls), el('td', {}, p.errors), el('td', {}, p.timeouts),
        el('td', {}, ms(p.p50_ms)), el('td', {}, ms(p.p95_ms)),
        el('td', {}, p.enabled ? switchButton(flagName, 'Provider ' + p.id) : 'off in config')));
  }
  if (focused) body.querySelector(`[data-flag="${CSS.escape(focused)}"]`)?.focus();
}

function drawFlags() {
  const list = $('#admin-flags');
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.flag : null;
  clear(list);
  for (const name of Object.keys(flags).filter(n => !n.startsWith('provider.')).sort()) {
    list.append(el('li', {}, el('span', {class: 'flag-name'}, name), ' ', switchButton(name, 'Feature ' + name)));
  }
  if (focused) list.querySelector(`[data-flag="${CSS.escape(focused)}"]`)?.focus();
}

function ms(value) {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : Math.round(value) + ' ms';
}

async function loadKeys() {
  const body = clear($('#admin-keys tbody'));
  try {
    const answer = await get('/admin/api-keys');
    for (const k of answer.api_keys) {
      let action = el('span', {class: 'hint'}, 'revoked ' + formatTime(k.revoked_at));
      if (!k.revoked) {
        action = el('button', {type: 'button', class: 'small danger', 'aria-label': 'Revoke key ' + k.prefix}, 'Revoke');
        action.addEventListener('click', async () => {
          if (!confirm(`Revoke the key ${k.prefix}… of ${k.principal}? It stops working at once.`)) return;
          try {
            await call('DELETE', '/admin/api-keys/' + encodeURIComponent(k.id));
            say('Key revoked.');
            loadKeys();
          } catch (e) {
            say('Failed: ' + e.message);
          }
        });
      }
      body.append(el('tr', {class: k.revoked ? 'off' : null},
          el('td', {}, k.id), el('td', {}, el('code', {}, k.prefix + '…')), el('td', {}, k.principal),
          el('td', {}, k.admin ? 'yes' : 'no'), el('td', {}, k.providers.join(', ') || '–'),
          el('td', {}, `${k.per_second}/s, ${k.per_hour}/h`), el('td', {}, formatTime(k.created_at)), el('td', {}, action)));
    }
  } catch (e) {
    say('Could not list keys: ' + e.message);
  }
}

async function createKey(e) {
  e.preventDefault();
  const body = {principal: $('#k-principal').value.trim(), admin: $('#k-admin').checked};
  const providers = $('#k-providers').value.split(',').map(s => s.trim()).filter(Boolean);
  if (providers.length) body.providers = providers;
  if ($('#k-second').value) body.per_second = Number($('#k-second').value);
  if ($('#k-hour').value) body.per_hour = Number($('#k-hour').value);
  try {
    const created = await call('POST', '/admin/api-keys', body);
    $('#new-secret-value').textContent = created.key;
    show($('#new-secret'), true);
    $('#key-form').reset();
    say(`Key made for ${created.principal}.`);
    loadKeys();
  } catch (err) {
    show($('#new-secret'), false);
    say('Failed: ' + err.message);
  }
}
