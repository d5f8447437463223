// Safe DOM building: every string from a provider or the API goes in as text (textContent), never as markup,
// and only http(s) URLs become links.

/** el('a', {href: ..., class: 'x'}, 'text', child, ...): attributes by setAttribute, children as text or nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) throw new Error('no inline handlers');
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The URL when it is an absolute http(s) URL, else null (javascript:, data:, relative, garbage). */
export function safeUrl(value) {
  if (typeof value !== 'string' || value.length > 4000) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A link for a safe URL, else the same text as plain text. */
export function linkOrText(url, text, attrs = {}) {
  const href = safeUrl(url);
  return href ? el('a', {...attrs, href, rel: 'noopener noreferrer', referrerpolicy: 'no-referrer'}, text)
              : el('span', {class: attrs.class}, text);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function show(node, visible) {
  node.hidden = !visible;
}

export const $ = (selector) => document.querySelector(selector);

export function formatTime(unixSeconds) {
  if (unixSeconds === null || unixSeconds === undefined) return '';
  return new Date(unixSeconds * 1000).toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
}
