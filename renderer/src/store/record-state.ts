/** The record slice's shape: the card dialog's open record and how the other slices update it. */
import type { BoardChange } from '../../../shared/api.js';
import type { EngagementView } from '../../../shared/view.js';

/** The record the dialog shows: null `view` while the first answer is on its way (or failed: `error`). */
export interface OpenRecord {
  readonly id: string;
  readonly view: EngagementView | null;
  readonly error: string | null;
}

/** The open record and how it is kept current. */
export interface RecordSlice {
  readonly record: OpenRecord | null;
  /** Fetches engagement `id`'s record for the dialog (again, to retry after a failure). */
  readonly openRecord: (id: string) => Promise<void>;
  /** Forgets the record when its dialog closes. */
  readonly closeRecord: (id: string) => void;
  /** For the other slices: answer `call` carried this whole engagement (ignored unless it is the open one and not older). */
  readonly takeRecord: (view: EngagementView, call: string | undefined) => void;
  /** For the other slices: answer `call` changes the open record (ignored unless `id` is open). */
  readonly patchRecord: (id: string, update: (view: EngagementView) => EngagementView, call: string | undefined) => void;
  /** For the board slice: a change event arrived (null: reload everything), perhaps touching the record. */
  readonly recordChanged: (change: BoardChange | null) => void;
}
