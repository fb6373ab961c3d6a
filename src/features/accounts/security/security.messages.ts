import { defineMessages } from '../../../i18n/define';

// Messages of the "Sicurezza" page of the personal area. Italian first, English complete.
export const messages = defineMessages(
  {
    'security.title': 'Sicurezza',
  },
  {
    'security.title': 'Security',
  },
);
