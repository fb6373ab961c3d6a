import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'enteCard.placeholder': '-',
  },
  {
    'enteCard.placeholder': '-',
  },
);
