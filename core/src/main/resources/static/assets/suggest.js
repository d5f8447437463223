// Suggestions for the search box, following the WAI-ARIA combobox pattern (list autocomplete): the input has
// role=combobox, the popup role=listbox with role=option items; ArrowDown/ArrowUp move through the options
// (aria-activedescendant; focus stays in the input), Enter takes the active one, Escape closes the list.
import {clear, el} from './dom.js';
import {get} from './api.js';

const DEBOUNCE_MS = 150;

export function attachSuggest(input, listbox, onChoose) {
  let timer = null;
  let asked = 0;
  let active = -1;
  let options = [];

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const open = () => {
    if (!options.length) return close();
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const highlight = (index) => {
    active = index;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({block: 'nearest'});
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const choose = (text) => {
    input.value = text;
    close();
    onChoose(text);
  };

  const ask = async () => {
    const prefix = input.value;
    const ticket = ++asked;
    if (prefix.trim().length < 2) {
      options = [];
      return close();
    }
    let answer;
    try {
      answer = await get('/api/v1/suggest?limit=8&prefix=' + encodeURIComponent(prefix.slice(0, 100)));
    } catch {
      answer = {suggestions: []};
    }
    if (ticket !== asked || document.activeElement !== input) return; // a newer keystroke, or focus moved on
    clear(listbox);
    options = answer.suggestions.map((s, i) => {
      const option = el('li', {role: 'option', id: 'suggestion-' + i, 'aria-selected': 'false',
        'data-source': s.source}, s.text);
      option.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
      option.addEventListener('click', () => choose(s.text));
      listbox.append(option);
      return option;
    });
    active = -1;
    open();
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (e) => {
    const expanded = !listbox.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!expanded) { open(); if (listbox.hidden) ask(); return; }
        highlight(active + 1 >= options.length ? 0 : active + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!expanded) { open(); return; }
        highlight(active <= 0 ? options.length - 1 : active - 1);
        break;
      case 'Enter':
        if (expanded && active >= 0) {
          e.preventDefault();
          choose(options[active].textContent);
        } else {
          close();
        }
        break;
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          close();
        }
        break;
      case 'Tab':
        close();
        break;
      default:
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 0));
  return {close};
}
