/** Backup and restore through the core (the dialog decides what to show). */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiResponse, PalsApi } from '../../../shared/api.js';
import type { BackupChoice, RestoreDone, RestoreWay } from '../../../shared/backup.js';
import type { ExportResult } from '../../../shared/deck/options.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** Each answer as it came (the dialog shows a failure where the action was taken). */
export interface BackupSlice {
  readonly backupStore: () => Promise<ApiResponse<ExportResult>>;
  readonly restoreWay: () => Promise<ApiResponse<RestoreWay>>;
  readonly chooseBackup: () => Promise<ApiResponse<BackupChoice>>;
  /** Restores the chosen backup; the board reloads through the change feed. */
  readonly restoreBackup: (choice: string) => Promise<ApiResponse<RestoreDone>>;
}

/** Builds the backup slice over an API. */
export function createBackupSlice(api: PalsApi): StateCreator<Store, [], [], BackupSlice> {
  return () => ({
    backupStore: () => safeCall(() => api.backupStore({})),
    restoreWay: () => safeCall(() => api.restoreWay({})),
    chooseBackup: () => safeCall(() => api.chooseBackup({})),
    restoreBackup: (choice) => safeCall(() => api.restoreBackup({ choice })),
  });
}
