// Page feedback widget enhancement. The form works without it (stars → follow-up page → thank-you page);
// with it, choosing a star shows the matching follow-up question in place (1–3 stars: difficulties,
// 4–5: what was liked) and the answer is sent with fetch, the thank-you message replacing the form.

interface ApiError {
  error?: { code?: string; message?: string; issues?: { field: string; message: string }[] };
}

const POSITIVE_THRESHOLD = 3;

function enhance(form: HTMLFormElement): void {
  const followup = form.querySelector<HTMLElement>('[data-wemi-feedback-followup]');
  const next = form.querySelector<HTMLButtonElement>('[data-wemi-feedback-next]');
  const send = form.querySelector<HTMLButtonElement>('[data-wemi-feedback-send]');
  const step = form.querySelector<HTMLInputElement>('[data-wemi-feedback-step]');
  const errors = form.querySelector<HTMLElement>('[data-wemi-feedback-errors]');
  const status = form.parentElement?.querySelector<HTMLElement>('[data-wemi-feedback-status]') ?? null;
  const texts = form.dataset;

  const showFor = (rating: number) => {
    const polarity = rating > POSITIVE_THRESHOLD ? 'positive' : 'negative';
    for (const fs of form.querySelectorAll<HTMLFieldSetElement>('[data-wemi-feedback-answers]')) {
      const match = fs.dataset.wemiFeedbackAnswers === polarity;
      fs.hidden = !match;
      fs.disabled = !match;
      if (!match) for (const r of fs.querySelectorAll<HTMLInputElement>('input[type="radio"]')) r.checked = false;
    }
    if (followup) followup.hidden = false;
    if (next) next.hidden = true;
    if (send) send.hidden = false;
    if (step) step.value = 'answer';
  };

  // Stars: the follow-up appears synchronously on change (keyboard arrows or click).
  for (const star of form.querySelectorAll<HTMLInputElement>('input[name="rating"][type="radio"]')) {
    star.addEventListener('change', () => {
      if (star.checked) showFor(Number(star.value));
    });
    if (star.checked) showFor(Number(star.value));
  }

  const showErrors = (issues: { field: string; message: string }[], fallback: string) => {
    if (!errors) return;
    errors.replaceChildren();
    const box = document.createElement('div');
    box.className = 'alert alert-danger wemi-error-summary';
    box.setAttribute('role', 'alert');
    box.tabIndex = -1;
    const title = document.createElement('p');
    title.className = 'h5';
    title.textContent = texts.msgSummary ?? '';
    box.append(title);
    const list = document.createElement('ul');
    list.className = 'mb-0';
    for (const issue of issues.length ? issues : [{ field: '', message: fallback }]) {
      const li = document.createElement('li');
      li.textContent = issue.message;
      list.append(li);
    }
    box.append(list);
    errors.append(box);
    box.focus();
  };

  form.addEventListener('submit', async (event) => {
    // The first step without a follow-up shown yet keeps the server round trip.
    if (step?.value === 'rating') return;
    event.preventDefault();
    const data = new FormData(form);
    data.set('step', 'answer');
    const token = String(data.get('_csrf') ?? '');
    const body = new URLSearchParams();
    for (const [k, v] of data) if (typeof v === 'string') body.append(k, v);
    if (send) send.disabled = true;
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token },
        body,
        credentials: 'same-origin',
      });
      if (res.ok) {
        const done = (await res.json()) as { message?: string };
        form.hidden = true;
        if (status) {
          const p = document.createElement('p');
          p.className = 'wemi-feedback-title wemi-feedback-thanks mb-0';
          p.textContent = done.message ?? texts.msgThanks ?? '';
          status.replaceChildren(p);
          status.tabIndex = -1;
          status.focus();
        }
        return;
      }
      const err = (await res.json().catch(() => ({}))) as ApiError;
      if (res.status === 429) showErrors([], texts.msgTooMany ?? '');
      else showErrors(err.error?.issues ?? [], err.error?.message ?? texts.msgNetwork ?? '');
    } catch {
      showErrors([], texts.msgNetwork ?? '');
    } finally {
      if (send) send.disabled = false;
    }
  });
}

export function initFeedback(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-wemi-feedback]')) enhance(form);
}
