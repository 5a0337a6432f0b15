/** The deck's sections and themes: what a coordinator can turn off or choose (the API contract's options need them without the builder). */
export const DECK_SECTIONS = [
  'concept',
  'projects',
  'reactions',
  'learnings',
  'timebox',
  'buyIn',
  'benefits',
  'nextSteps',
  'retro',
] as const;
export type DeckSection = (typeof DECK_SECTIONS)[number];
export const DECK_THEMES = ['gaia', 'default', 'uncover'] as const;
export type DeckTheme = (typeof DECK_THEMES)[number];
