import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'cards.placeholder': '-',
  },
  {
    'cards.placeholder': '-',
  },
);
