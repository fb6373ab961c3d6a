// Search-box autocomplete: enhances each `input[data-wemi-autocomplete]` of a plain GET search form into an
// editable combobox with list autocomplete and a listbox popup (WAI-ARIA Authoring Practices, "combobox" pattern,
// manual selection). Suggestions come from /api/v1/autocomplete, grouped (service types, categories, enti) as
// the API orders them; the API's status sentence is announced in a polite live region. Every ARIA attribute is
// added here: without JavaScript the form stays the plain search form.
//
// Keys (focus stays in the textbox, the active option is pointed to by aria-activedescendant):
//   ArrowDown / ArrowUp  open the popup (first / last option) or move through the options, wrapping around
//   Alt+ArrowDown        open the popup without choosing an option; Alt+ArrowUp closes it
//   Home / End           back to the textbox, caret at the start / end
//   Enter                on an option: go to its page; otherwise the form is submitted as usual
//   Escape               close the popup (when closed, the browser's own behaviour: a search box is cleared)
//   Tab                  close the popup and move on
// Mouse and touch: a tap or click on an option goes to its page; a tap or click outside, or leaving the box,
// closes the popup. Requests wait for a pause in typing (input events, so phone keyboards and IMEs work) and a
// newer request cancels the one in flight (AbortController): a late answer is never shown.

const MIN_CHARS = 2;
const DEBOUNCE_MS = 200;
const ENDPOINT = '/api/v1/autocomplete';

type SuggestionType = 'service_type' | 'category' | 'organization';

interface Suggestion {
  type: SuggestionType;
  label: string;
  url: string;
}

interface Answer {
  q: string;
  suggestions: Suggestion[];
  groups: { type: SuggestionType; label: string }[];
  status: string;
}

let instances = 0;

export function initAutocomplete(): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('input[data-wemi-autocomplete]')) {
    if (input.form && input.id) enhance(input, input.form);
  }
}

const normal = (s: string) => s.trim().replace(/\s+/g, ' ');

function isAnswer(value: unknown): value is Answer {
  const v = value as Partial<Answer> | null;
  return !!v && typeof v.q === 'string' && Array.isArray(v.suggestions) && Array.isArray(v.groups) && typeof v.status === 'string';
}

/** The label with the first occurrence of what was typed in bold (text nodes only: never HTML from the answer). */
function labelNodes(label: string, typed: string): Node[] {
  const at = typed ? label.toLocaleLowerCase().indexOf(typed.toLocaleLowerCase()) : -1;
  if (at < 0) return [document.createTextNode(label)];
  const mark = document.createElement('strong');
  mark.textContent = label.slice(at, at + typed.length);
  return [document.createTextNode(label.slice(0, at)), mark, document.createTextNode(label.slice(at + typed.length))];
}

function enhance(input: HTMLInputElement, form: HTMLFormElement): void {
  const n = ++instances;
  const field = input.parentElement as HTMLElement; // the row holding the box and its button
  const host = field.parentElement as HTMLElement;
  const listboxId = `${input.id}-suggestions`;
  const label = form.querySelector<HTMLLabelElement>(`label[for="${input.id}"]`);

  const listbox = document.createElement('div');
  listbox.id = listboxId;
  listbox.className = 'wemi-ac-listbox';
  listbox.setAttribute('role', 'listbox');
  if (label) {
    if (!label.id) label.id = `${input.id}-label`;
    listbox.setAttribute('aria-labelledby', label.id);
  }
  listbox.hidden = true;

  const live = document.createElement('div');
  live.className = 'visually-hidden';
  live.id = `wemi-ac-status-${n}`;
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');

  host.classList.add('wemi-ac-host');
  field.after(listbox);
  host.append(live);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listboxId);
  input.setAttribute('aria-haspopup', 'listbox');
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('autocapitalize', 'off');
  input.setAttribute('spellcheck', 'false');
  input.setAttribute('enterkeyhint', 'search');
  input.classList.add('wemi-ac-input');

  let options: HTMLElement[] = [];
  let active = -1;
  let shownFor = ''; // the text the options in the popup answer
  let timer: number | undefined;
  let inFlight: AbortController | undefined;
  const cache = new Map<string, Answer>();

  const isOpen = () => !listbox.hidden;

  const place = () => {
    const h = host.getBoundingClientRect();
    const f = field.getBoundingClientRect();
    const i = input.getBoundingClientRect();
    listbox.style.top = `${i.bottom - h.top + 2}px`;
    listbox.style.left = `${f.left - h.left}px`;
    listbox.style.width = `${f.width}px`;
    // A phone's on-screen keyboard shrinks the visual viewport: the popup ends above it (and scrolls inside).
    const vv = window.visualViewport;
    if (vv) listbox.style.maxHeight = `${Math.max(160, Math.min(416, vv.offsetTop + vv.height - i.bottom - 12))}px`;
  };

  const setActive = (index: number) => {
    if (active >= 0) options[active]?.setAttribute('aria-selected', 'false');
    const option = options[index];
    active = option ? index : -1;
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      // The first option of a group brings its group's label into view too.
      const before = option.previousElementSibling;
      if (before && before.getAttribute('role') !== 'option') before.scrollIntoView({ block: 'nearest' });
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const open = () => {
    if (!options.length) return;
    place();
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const close = () => {
    setActive(-1);
    listbox.hidden = true;
    listbox.scrollTop = 0;
    input.setAttribute('aria-expanded', 'false');
  };

  /** Stops waiting: no debounced request and none in flight. */
  const cancel = () => {
    window.clearTimeout(timer);
    timer = undefined;
    inFlight?.abort();
    inFlight = undefined;
  };

  const announce = (sentence: string) => {
    // Emptied first, so that the same sentence twice in a row is still read.
    live.textContent = '';
    window.setTimeout(() => (live.textContent = sentence), 50);
  };

  const render = (answer: Answer, typed: string) => {
    setActive(-1);
    listbox.replaceChildren();
    options = [];
    shownFor = typed;
    for (const group of answer.groups) {
      const items = answer.suggestions.filter((s) => s.type === group.type);
      if (!items.length) continue;
      const box = document.createElement('div');
      box.className = 'wemi-ac-group';
      box.setAttribute('role', 'group');
      const heading = document.createElement('div');
      heading.className = 'wemi-ac-group-label';
      heading.id = `${listboxId}-${group.type}`;
      heading.setAttribute('role', 'presentation');
      heading.textContent = group.label;
      box.setAttribute('aria-labelledby', heading.id);
      box.append(heading);
      for (const s of items) {
        const option = document.createElement('div');
        option.id = `${listboxId}-${options.length}`;
        option.className = 'wemi-ac-option';
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.dataset['url'] = s.url;
        const text = document.createElement('span');
        text.append(...labelNodes(s.label, typed));
        option.append(text);
        box.append(option);
        options.push(option);
      }
      listbox.append(box);
    }
    announce(answer.status);
    if (options.length) open();
    else close();
  };

  const request = async (typed: string, then?: () => void) => {
    const known = cache.get(typed);
    if (known) {
      render(known, typed);
      then?.();
      return;
    }
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const response = await fetch(`${ENDPOINT}?q=${encodeURIComponent(typed)}`, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(`autocomplete ${response.status}`);
      const answer: unknown = await response.json();
      if (!isAnswer(answer)) throw new Error('autocomplete: unexpected answer');
      cache.set(typed, answer);
      // Only the newest request may change the popup, and only while the box still holds what it asked for.
      if (inFlight !== controller || normal(input.value) !== typed || document.activeElement !== input) return;
      inFlight = undefined;
      render(answer, typed);
      then?.();
    } catch {
      // Aborted (a newer request replaced it) or failed: the plain form still works, so say nothing.
      if (inFlight === controller) inFlight = undefined;
    }
  };

  const update = (then?: () => void) => {
    const typed = normal(input.value);
    if (typed.length < MIN_CHARS) {
      cancel();
      close();
      options = [];
      shownFor = '';
      listbox.replaceChildren();
      return;
    }
    if (typed === shownFor && options.length) {
      cancel();
      open();
      then?.();
      return;
    }
    void request(typed, then);
  };

  const go = (option: HTMLElement | undefined) => {
    const url = option?.dataset['url'];
    if (!url) return;
    cancel();
    close();
    window.location.assign(url);
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    setActive(-1);
    const typed = normal(input.value);
    if (typed !== shownFor) {
      // What is shown no longer answers the text: hide it until the new answer comes.
      if (isOpen()) close();
    }
    if (typed.length < MIN_CHARS) {
      update();
      return;
    }
    const known = cache.get(typed);
    if (known) {
      cancel();
      render(known, typed);
      return;
    }
    timer = window.setTimeout(() => update(), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey) {
          update();
        } else if (isOpen()) {
          setActive(active < options.length - 1 ? active + 1 : 0);
        } else {
          window.clearTimeout(timer);
          update(() => setActive(0));
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) {
          close();
        } else if (isOpen()) {
          setActive(active > 0 ? active - 1 : options.length - 1);
        } else {
          window.clearTimeout(timer);
          update(() => setActive(options.length - 1));
        }
        break;
      case 'Home':
      case 'End':
        if (active >= 0) {
          event.preventDefault();
          setActive(-1);
          const at = event.key === 'Home' ? 0 : input.value.length;
          input.setSelectionRange(at, at);
        }
        break;
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          go(options[active]);
        } else {
          // The plain form is submitted as before.
          cancel();
          close();
        }
        break;
      case 'Escape':
        if (isOpen() || timer !== undefined || inFlight) {
          // Only the popup goes: the browser would otherwise also empty the search box.
          event.preventDefault();
          cancel();
          close();
        }
        break;
      case 'Tab':
        cancel();
        close();
        break;
    }
  });

  // A press on the popup keeps the focus in the box (no blur, so the popup stays until the click lands).
  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (option) go(option);
  });

  input.addEventListener('blur', () => {
    cancel();
    close();
  });
  document.addEventListener('pointerdown', (event) => {
    const target = event.target as Node;
    if (isOpen() && !listbox.contains(target) && target !== input) close();
  });
  form.addEventListener('submit', () => {
    cancel();
    close();
  });
  const replace = () => {
    if (isOpen()) place();
  };
  window.addEventListener('resize', replace);
  window.visualViewport?.addEventListener('resize', replace);
  // Coming back with the browser's Back button: start closed.
  window.addEventListener('pageshow', () => close());
}
