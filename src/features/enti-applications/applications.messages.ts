import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'applications.placeholder': '-',
  },
  {
    'applications.placeholder': '-',
  },
);
