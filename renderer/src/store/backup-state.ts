/** The backup slice's shape: backup and restore, the calls the Backup and restore dialog makes. */
import type { ApiResponse } from '../../../shared/api.js';
import type { BackupChoice, RestoreDone, RestoreWay } from '../../../shared/backup.js';
import type { ExportResult } from '../../../shared/deck/options.js';

/** Each answer as it came (the dialog shows a failure where the action was taken). */
export interface BackupSlice {
  readonly backupStore: () => Promise<ApiResponse<ExportResult>>;
  readonly restoreWay: () => Promise<ApiResponse<RestoreWay>>;
  readonly chooseBackup: () => Promise<ApiResponse<BackupChoice>>;
  /** Restores the chosen backup; the board reloads through the change feed. */
  readonly restoreBackup: (choice: string) => Promise<ApiResponse<RestoreDone>>;
}
