import { defineMessages } from '../../../i18n/define';

export const messages = defineMessages(
  {
    'links.placeholder': '-',
  },
  {
    'links.placeholder': '-',
  },
);
