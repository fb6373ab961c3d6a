// Map of a Spazio WeMi (loaded only on pages with a map). Filled in by the Spazi WeMi feature.
export {};
