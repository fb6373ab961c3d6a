import { defineMessages } from '../../../i18n/define';

export const messages = defineMessages(
  {
    'cityUsers.placeholder': '-',
  },
  {
    'cityUsers.placeholder': '-',
  },
);
