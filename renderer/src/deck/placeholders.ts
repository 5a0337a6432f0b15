/**
 * What the pilot deck said, offered only as placeholder text in the editor: a hint of what to
 * write, never put in a deck (an empty section is left out of it).
 */
import type { WeekPhase } from '../../../shared/deck/round-deck-schema.js';

export const PLACEHOLDERS = {
  concept: 'For early-stage CNCF projects, can we provide a helping security hand?',
  linkLabel: 'Details for the nerds',
  linkUrl: 'https://github.com/cncf/tag-security/issues/554',
  buyIn:
    'Both the project and the pal(s) understand the timeline and the time commitment\nThe smaller the time commitment, the more pals we will find',
  benefits:
    'A chance to help the community\n  CNCF, open source, open source consumers\nExposure to other projects\n  Both teams and technology',
  nextSteps: 'There is value here: make the program permanent\nHow do we select projects?\n  Security status\n  TOC input',
  takeaways: 'Projects loved the template security docs',
} as const;

/** What each week is for (PRODUCT.md's timebox), as a hint. */
export const WEEK_PLACEHOLDERS: Readonly<Record<WeekPhase, string>> = {
  'meet-greet': 'Overview of the program, where the self-assessment template is, first questions, where the project stands on graduation',
  'follow-up': 'Questions, progress, what to unblock, connections to other CNCF resources',
  draft: 'Soft target for a draft self-assessment',
  review: 'Self-assessment submitted to TAG Security for review',
};
