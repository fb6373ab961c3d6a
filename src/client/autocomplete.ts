// Search-box autocomplete (enhances the plain search form). Filled in by the search feature.
export function initAutocomplete(): void {}
