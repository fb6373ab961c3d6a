// Progressive enhancements for every page. Pages work fully without this script.
import { initNav } from './nav';
import { initAutocomplete } from './autocomplete';
import { initFeedback } from './feedback';
import { initSessionWarning } from './session';

document.documentElement.classList.add('js');
initNav();
initAutocomplete();
initFeedback();
initSessionWarning();
