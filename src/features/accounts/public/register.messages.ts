import { defineMessages } from '../../../i18n/define';

// Messages of the citizens' self-registration. Italian first, English complete.
export const messages = defineMessages(
  {
    'register.title': 'Registrati',
  },
  {
    'register.title': 'Sign up',
  },
);
