import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'threads.placeholder': '-',
  },
  {
    'threads.placeholder': '-',
  },
);
