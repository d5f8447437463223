// Talking to the Fedsearch API. The API key lives in sessionStorage (this tab only) and travels only as the
// X-API-Key header: never in a URL, never logged. EventSource cannot send headers, so the stream is read with
// fetch() and a small Server-Sent Events parser.

const KEY = 'fedsearch.apiKey';

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function setApiKey(value) {
  if (value) sessionStorage.setItem(KEY, value);
  else sessionStorage.removeItem(KEY);
}

function headers(extra = {}) {
  const h = {'Accept': 'application/json', ...extra};
  const key = apiKey();
  if (key) h['X-API-Key'] = key;
  return h;
}

/** An API error with the problem's detail (or the status line). */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

async function failure(response) {
  let detail = `${response.status} ${response.statusText}`;
  try {
    const problem = await response.json();
    if (problem && typeof problem.detail === 'string') detail = problem.detail;
  } catch { /* not JSON */ }
  return new ApiError(response.status, detail);
}

/** GET/POST/PUT/DELETE JSON; resolves to the parsed body (null for 204). */
export async function call(method, path, body, {key} = {}) {
  const h = headers(body === undefined ? {} : {'Content-Type': 'application/json'});
  if (key !== undefined) {
    if (key) h['X-API-Key'] = key; else delete h['X-API-Key'];
  }
  const response = await fetch(path, {method, headers: h, body: body === undefined ? undefined : JSON.stringify(body)});
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
}

export const get = (path, options) => call('GET', path, undefined, options);

/** Downloads a file that needs the key header: fetch, then hand the blob to the browser. */
export async function download(path, fallbackName) {
  const response = await fetch(path, {headers: headers()});
  if (!response.ok) throw await failure(response);
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = match ? match[1] : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Records that a result was opened, without holding up the navigation: sendBeacon when there is no key
 * (it cannot send headers), a keepalive fetch with the key header otherwise.
 */
export function recordClick(queryId, provider, resultId) {
  const body = JSON.stringify({query_id: queryId, provider, result_id: resultId});
  const key = apiKey();
  if (!key && navigator.sendBeacon) {
    navigator.sendBeacon('/api/v1/clicks', new Blob([body], {type: 'application/json'}));
    return;
  }
  fetch('/api/v1/clicks', {method: 'POST', keepalive: true, body,
    headers: headers({'Content-Type': 'application/json'})}).catch(() => {});
}

/**
 * Streams /api/v1/search/stream: calls onEvent(name, data) for each event as it arrives. Resolves when the
 * stream ends; rejects with ApiError for a 4xx/5xx answer (a bad parameter is a problem, not a stream).
 */
export async function stream(query, onEvent, signal) {
  const response = await fetch('/api/v1/search/stream?' + query,
      {headers: headers({'Accept': 'text/event-stream'}), signal, cache: 'no-store'});
  if (!response.ok) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser(onEvent);
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    parser.push(value);
  }
  parser.end();
}

/** Server-Sent Events as the HTML standard reads them: lines, a blank line ends an event, ':' is a comment. */
export class SseParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.name = '';
    this.data = [];
  }

  push(text) {
    this.buffer += text;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop();
    for (const line of lines) this.line(line);
  }

  end() {
    if (this.buffer) this.line(this.buffer);
    this.buffer = '';
    this.line('');
  }

  line(line) {
    if (line === '') {
      if (this.data.length) this.onEvent(this.name || 'message', this.data.join('\n'));
      this.name = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.name = value;
    else if (field === 'data') this.data.push(value);
  }
}
