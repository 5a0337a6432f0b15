/** "Export self-assessment starter": the project's security self-assessment as markdown to fill in. */
import { useAppStore } from '../store/store-context.js';
import { useExport } from './use-export.js';

/** The button (in the card dialog's Details tab). */
export function AssessmentExport({ id }: { readonly id: string }) {
  const exportAssessment = useAppStore((s) => s.exportAssessment);
  const { busy, run } = useExport();
  return (
    <button
      type="button"
      className="button button--small"
      aria-busy={busy !== null || undefined}
      disabled={busy !== null}
      onClick={() => void run('self-assessment starter', () => exportAssessment(id))}
    >
      Export self-assessment starter
    </button>
  );
}
