import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'enteRequests.placeholder': '-',
  },
  {
    'enteRequests.placeholder': '-',
  },
);
