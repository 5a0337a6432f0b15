/** An intake card's selection score, with its round's weights in the tooltip (the Intake column sorts by it). */
import { DEFAULT_CRITERIA_WEIGHTS } from '../../../shared/schema.js';
import { useAppStore } from '../store/store-context.js';
import { describeWeights } from './criteria-labels.js';

/** "Selection score 72 of 100", on a line of its own. */
export function ScoreLine({ score, round }: { readonly score: number; readonly round: string }) {
  const owner = useAppStore((s) => s.board?.rounds.find((r) => r.id === round));
  const weights = describeWeights(owner?.criteriaWeights ?? DEFAULT_CRITERIA_WEIGHTS);
  return (
    <p className="card-score" title={`Selection score ${score} of 100. Weights: ${weights}. Round settings change them.`}>
      Selection score <strong>{score}</strong> of 100
    </p>
  );
}
