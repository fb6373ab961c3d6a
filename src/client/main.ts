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
// GOV.UK pattern: after a refused submission, the error summary takes the focus so it is read first.
document.getElementById('error-summary')?.focus();
