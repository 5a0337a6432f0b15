/**
 * The preview of a pending label rule edit (issue 23: no silent moves): what saving it would do
 * on the next sync, asked of the core a moment after the typing stops, so the table can say
 * "Saving this moves 3 cards" before anything is saved, and again when the board changes meanwhile
 * (a sync brought new labels). A late answer for an older edit is dropped.
 */
import { useEffect, useState } from 'react';
import type { RulePreview } from '../../../shared/api.js';
import type { LabelRule } from '../../../shared/schema.js';
import { useAppStore } from '../store/store-context.js';

/** How long the typing must pause before the core is asked (one question per pause, not per key). */
const PAUSE_MS = 300;

/** Where the preview of an edit stands. */
export type RulePreviewState =
  | { readonly kind: 'none' }
  | { readonly kind: 'working' }
  | { readonly kind: 'done'; readonly preview: RulePreview }
  | { readonly kind: 'refused'; readonly message: string };

/** The preview of `draft`, or `none` when `draft` is null (nothing pending). */
export function useRulePreview(draft: readonly LabelRule[] | null): RulePreviewState {
  const preview = useAppStore((s) => s.previewLabelRules);
  // A sync (or any change) while the edit is pending makes the answer stale: ask again.
  const board = useAppStore((s) => s.board);
  const key = draft === null ? null : JSON.stringify(draft);
  const [answer, setAnswer] = useState<{ readonly key: string; readonly state: RulePreviewState } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    const timer = setTimeout(() => {
      void preview(JSON.parse(key) as LabelRule[]).then((res) => {
        if (!current) return;
        setAnswer({ key, state: res.ok ? { kind: 'done', preview: res.value } : { kind: 'refused', message: res.error.message } });
      });
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, preview, board]);
  if (key === null) return { kind: 'none' };
  return answer?.key === key ? answer.state : { kind: 'working' };
}
