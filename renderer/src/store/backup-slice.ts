/** Backup and restore through the core (the dialog decides what to show). */
import type { StateCreator } from 'zustand/vanilla';
import type { PalsApi } from '../../../shared/api.js';
import type { BackupSlice } from './backup-state.js';
import { safeCall } from './safe-call.js';
import type { Store } from './types.js';

/** Builds the backup slice over an API. */
export function createBackupSlice(api: PalsApi): StateCreator<Store, [], [], BackupSlice> {
  return () => ({
    backupStore: () => safeCall(() => api.backupStore({})),
    restoreWay: () => safeCall(() => api.restoreWay({})),
    chooseBackup: () => safeCall(() => api.chooseBackup({})),
    restoreBackup: (choice) => safeCall(() => api.restoreBackup({ choice })),
  });
}
