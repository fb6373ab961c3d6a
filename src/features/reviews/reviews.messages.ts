import { defineMessages } from '../../i18n/define';

export const messages = defineMessages(
  {
    'reviews.placeholder': '-',
  },
  {
    'reviews.placeholder': '-',
  },
);
