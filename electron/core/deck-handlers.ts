/**
 * The calls about a round's deck (issue 17): its words, added slides and running order, a picture
 * for an image slide, and the self-assessment starter as a ready pull request. Each is a pure
 * operation from shared/ run through the store; answers leave pictures' bytes out.
 */
import { assessmentPullRequest } from '../../shared/assessment.js';
import { addDeckImage, editRoundDeck, withoutImageBytes } from '../../shared/deck/round-deck.js';
import { findEngagement } from '../../shared/engagements.js';
import type { CoreContext, Handlers } from './context.js';

type DeckCall = 'editRoundDeck' | 'addDeckImage' | 'assessmentPullRequest';

/** Handlers for the deck calls. */
export function createDeckHandlers(ctx: CoreContext): Pick<Handlers, DeckCall> {
  return {
    editRoundDeck: async ({ id, patch }) => withoutImageBytes(await ctx.store.update((doc) => editRoundDeck(doc, id, patch))),
    addDeckImage: async ({ id, image }) => {
      const slide = await ctx.store.update((doc) => addDeckImage(doc, id, image));
      const round = ctx.store.doc.rounds.find((r) => r.deck.slides.some((s) => s.id === slide.id && s === slide));
      return { round: withoutImageBytes(round ?? ctx.store.doc.rounds[0]!), slideId: slide.id };
    },
    assessmentPullRequest: ({ id }) => Promise.resolve(assessmentPullRequest(findEngagement(ctx.store.doc, id), ctx.today())),
  };
}
