import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'catalogueAdmin.placeholder': '-',
  },
  {
    'catalogueAdmin.placeholder': '-',
  },
);
