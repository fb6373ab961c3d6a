// Home page: on a phone the category lists of the four groups ("Sostegno alla famiglia"…) start folded, their
// <details> closed, so the page stays short and each heading is in sight; on wider screens every list is open
// (its toggle is hidden by the CSS). Without JavaScript every list is open: the markup says `open`.

const NARROW = '(max-width: 575.98px)';

export function initHomeGroups(): void {
  const groups = [...document.querySelectorAll<HTMLDetailsElement>('details[data-wemi-need-details]')];
  if (groups.length === 0) return;
  const narrow = window.matchMedia(NARROW);
  const apply = () => {
    for (const d of groups) d.open = !narrow.matches;
  };
  apply();
  narrow.addEventListener('change', apply);
}
