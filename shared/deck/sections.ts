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
  'compare',
] as const;
export type DeckSection = (typeof DECK_SECTIONS)[number];
export const DECK_THEMES = ['gaia', 'default', 'uncover'] as const;
export type DeckTheme = (typeof DECK_THEMES)[number];

/** Each section's slide heading unless the round gives its own (`deck.headings`). */
export const DEFAULT_HEADINGS: Readonly<Record<DeckSection, string>> = {
  concept: 'Concept',
  projects: 'Projects',
  reactions: 'Initial reactions',
  learnings: 'Learnings',
  timebox: 'The timebox',
  buyIn: 'Buy-in',
  benefits: 'Benefits to TAG members',
  nextSteps: 'Next steps',
  retro: 'Retrospective',
  compare: 'Compared with the previous round',
};

/** What each section shows, for the deck editor and `pals export deck --help`. */
export const SECTION_DESCRIPTIONS: Readonly<Record<DeckSection, string>> = {
  concept: "the round's concept lines and link",
  projects: 'each project, its maturity, pals and outcome',
  reactions: "the projects' initial reactions",
  learnings: 'learnings grouped by tag, and the biggest takeaway',
  timebox: 'each week with its description, planned vs actual',
  buyIn: "the round's buy-in lines and the hours spent",
  benefits: 'benefits to TAG members',
  nextSteps: 'next steps',
  retro: "every project's retrospective answers",
  compare: "the round's figures beside the previous round's (none for a first round)",
};
