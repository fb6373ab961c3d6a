import { defineMessages } from '../../../i18n/define';

export const messages = defineMessages(
  {
    'personal.placeholder': '-',
  },
  {
    'personal.placeholder': '-',
  },
);
