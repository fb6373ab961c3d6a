import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import { telHref, textBlocks } from './city-services.presenter';

// Plain text from the database rendered as paragraphs and bulleted lists, with e-mail addresses, Italian
// phone numbers (with a separator, e.g. 02.02.02) and web addresses turned into links. Everything stays escaped.

const TOKEN = /([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})|(https?:\/\/[^\s<>"']+[^\s<>"'.,;:)])|((?<![\w.])0\d{1,3}[. ]\d(?:[. ]?\d){3,9}(?![\w]))/g;

export function linkify(text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const [whole, email, url, phone] = m;
    if (email) out.push(<a href={`mailto:${email}`}>{email}</a>);
    else if (url) out.push(<a href={url}>{url.replace(/^https?:\/\//, '')}</a>);
    else if (phone) out.push(<a href={telHref(phone)}>{phone}</a>);
    else out.push(whole);
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function RichText(props: { text: string; class?: string }): Html {
  return (
    <div class={props.class ? `wemi-richtext ${props.class}` : 'wemi-richtext'}>
      {textBlocks(props.text).map((b) =>
        b.kind === 'p' ? (
          <p>{linkify(b.text)}</p>
        ) : (
          <ul>
            {b.items.map((i) => (
              <li>{linkify(i)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
