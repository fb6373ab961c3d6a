import type { Html } from '../../lib/jsx/jsx-runtime';
import type { PageContext } from '../../web/context';

/** The Designers Italia page feedback widget ("Quanto sono chiare le informazioni su questa pagina?"). */
export function FeedbackWidget(_props: { ctx: PageContext }): Html {
  return <></>;
}
