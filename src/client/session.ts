// Session expiry warning: two minutes before the idle timeout, the dialog rendered by the page shell
// (hidden until then) asks whether to stay logged in; "Resta collegato" renews the session without
// leaving the page. When the time is up, the page goes to the login with a notice and comes back.
// Without JavaScript the dialog never shows and the session simply expires.

const WARN_BEFORE_MS = 2 * 60_000;

export function initSessionWarning(): void {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="wemi-session-idle-expires"]');
  const dialog = document.getElementById('session-dialog') as HTMLDialogElement | null;
  if (!meta || !dialog || typeof dialog.showModal !== 'function') return;
  const form = dialog.querySelector('form');
  const csrf = document.querySelector<HTMLMetaElement>('meta[name="wemi-csrf"]')?.content ?? '';
  let expiresAt = Date.parse(meta.content);
  let warnTimer = 0;
  let endTimer = 0;

  const schedule = () => {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    const now = Date.now();
    warnTimer = window.setTimeout(() => {
      if (!dialog.open) dialog.showModal();
    }, Math.max(0, expiresAt - WARN_BEFORE_MS - now));
    endTimer = window.setTimeout(() => {
      const back = window.location.pathname + window.location.search;
      window.location.assign(`/accedi?scaduta=1&ritorno=${encodeURIComponent(back)}`);
    }, Math.max(0, expiresAt - now));
  };

  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const res = await fetch('/sessione/rinnova', {
        method: 'POST',
        headers: { accept: 'application/json', 'x-csrf-token': csrf },
        credentials: 'same-origin',
      });
      if (res.ok) {
        const body = (await res.json()) as { idleExpiresAt: string };
        expiresAt = Date.parse(body.idleExpiresAt);
        dialog.close();
        schedule();
        return;
      }
    } catch {
      // Network trouble: fall back to the plain form post.
    }
    form.submit();
  });
  schedule();
}
