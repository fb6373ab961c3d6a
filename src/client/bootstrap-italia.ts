// Bootstrap Italia's own start-up module, from the npm package: it sets `window.BOOTSTRAP_ITALIA_VERSION` (read by
// the AGID validator to tell which release the site uses) and starts its focus tracking (keyboard focus rings only
// for keyboard users). The rest of the library's JavaScript is not loaded: WeMi's pages work without it and enhance
// themselves with their own small modules.
import 'bootstrap-italia/dist/plugins/init.js';
