import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'auth.placeholder': '-',
  },
  {
    'auth.placeholder': '-',
  },
);
