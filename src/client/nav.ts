// Mobile menu: shows the toggle button and opens/closes the navbar panel (Bootstrap Italia markup:
// `expanded` on `.navbar-collapsable`). Escape, the close button and the overlay close it; focus moves into
// the panel on open, stays there while it is open, and returns to the toggle on close. Without JavaScript
// the links are shown as a plain list on narrow screens (nav.css).

const NARROW = '(max-width: 991.98px)';

export function initNav(): void {
  const toggle = document.querySelector<HTMLButtonElement>('[data-wemi-nav-toggle]');
  const panel = document.getElementById('nav-items');
  if (!toggle || !panel) return;
  const closeButton = panel.querySelector<HTMLButtonElement>('[data-wemi-nav-close]');
  const overlay = panel.querySelector<HTMLElement>('.overlay');
  const narrow = window.matchMedia(NARROW);
  let open = false;

  toggle.hidden = false;

  const focusable = (): HTMLElement[] =>
    [...panel.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')].filter((el) => el.getClientRects().length > 0);

  const setOpen = (value: boolean, restoreFocus: boolean) => {
    open = value;
    panel.classList.toggle('expanded', value);
    toggle.setAttribute('aria-expanded', String(value));
    document.body.classList.toggle('wemi-nav-open', value);
    if (overlay) overlay.hidden = !value;
    if (value) {
      const first = panel.querySelector<HTMLElement>('.navbar-nav a[href]') ?? closeButton;
      first?.focus();
    } else if (restoreFocus) {
      toggle.focus();
    }
  };

  toggle.addEventListener('click', () => setOpen(!open, true));
  closeButton?.addEventListener('click', () => setOpen(false, true));
  overlay?.addEventListener('click', () => setOpen(false, true));

  document.addEventListener('keydown', (event) => {
    if (!open) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false, true);
      return;
    }
    if (event.key !== 'Tab') return;
    // Keep keyboard focus inside the open panel.
    const items = focusable();
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !panel.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  });

  // Back to a wide screen: the menu is a plain bar again.
  narrow.addEventListener('change', () => {
    if (!narrow.matches && open) setOpen(false, false);
  });
}
