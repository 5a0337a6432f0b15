/** The attention slice's shape: the "Needs attention" digest and the notification switch. */
import type { Attention } from '../../../shared/attention.js';

/** The digest as the board shows it. */
export interface AttentionSlice {
  /** Null until the first answer. */
  readonly attention: Attention | null;
  readonly attentionError: string | null;
  readonly loadAttention: () => Promise<void>;
  /** Loads now and again after every change on the board; returns the unsubscribe. */
  readonly connectAttention: () => () => void;
  /** The daily notification, on or off (kept in the settings). */
  readonly setNotifications: (on: boolean) => Promise<boolean>;
}
