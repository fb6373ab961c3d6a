// Progressive enhancements for every page. Pages work fully without this script.
document.documentElement.classList.add('js');
