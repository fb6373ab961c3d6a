// Progressive enhancements for every page. Pages work fully without this script.
import './bootstrap-italia';
import { initNav } from './nav';
import { initAutocomplete } from './autocomplete';
import { initFeedback } from './feedback';
import { initHomeGroups } from './home-groups';
import { initSessionWarning } from './session';

document.documentElement.classList.add('js');
initNav();
initAutocomplete();
initFeedback();
initHomeGroups();
initSessionWarning();
// GOV.UK pattern: after a refused submission, the error summary takes the focus so it is read first.
document.getElementById('error-summary')?.focus();
