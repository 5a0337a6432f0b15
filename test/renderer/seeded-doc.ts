/** Test documents built with the real pure operations, so they are always valid. */
import { addEngagement, editEngagement } from '../../shared/engagements.js';
import type { NewEngagementInput } from '../../shared/inputs.js';
import { emptyDoc, type StoreDoc } from '../../shared/schema.js';
import { AT } from './fake-api.js';

/** A document holding engagements built with the real `addEngagement` (ids eng-1, eng-2, …). */
export function seededDoc(inputs: readonly (NewEngagementInput & { readonly reaction?: string })[]): StoreDoc {
  return inputs.reduce((doc, { reaction, ...input }, i) => {
    const id = `eng-${String(i + 1)}`;
    const added = addEngagement(doc, input, { id, at: AT }).doc;
    return reaction ? editEngagement(added, id, { reaction }, AT).doc : added;
  }, emptyDoc());
}
