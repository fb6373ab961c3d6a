// Reading the HTML the views write (escaped by src/lib/jsx), for route tests.

/** The HTML entities the views write (&lt; &gt; &quot; &#39; &amp;) turned back into characters. */
export const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The visible text of a piece of HTML: scripts and tags dropped, entities decoded, white space collapsed. */
export const text = (html: string) => decode(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

/** A text escaped as the views escape it, to look for it in a page. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
