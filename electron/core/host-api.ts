/**
 * Calls only a host on this machine may make (the `pals` command line): they name files on
 * disk, or answer with more than a page needs. They go through the same `call` and the same
 * argument validation as the UI's calls, but no transport (IPC, HTTP) can reach them: a page
 * must never be able to write or read an arbitrary path.
 */
import { z } from 'zod';
import { call, type Api, type ApiResponse, type CallDeclaration } from '../../shared/api.js';
import { DeckFormatSchema } from '../../shared/deck/formats.js';
import { DeckOptionsSchema } from '../../shared/deck/options.js';
import { IdSchema, NameSchema } from '../../shared/schema.js';
import type { EngagementView } from '../../shared/view.js';

/** A file path from the command line (the host resolves it against its working directory). */
const PathSchema = z.string().min(1, 'give a file name').max(4_096);
const Ref = z.strictObject({ ref: z.string().min(1, 'give an id or a name').max(500) });
const DeckFile = z.strictObject({
  options: DeckOptionsSchema,
  format: DeckFormatSchema,
  /** null: answer the text instead of writing a file (md and html only). */
  out: PathSchema.nullable(),
});
const ListArgs = z.strictObject({ view: NameSchema.optional() });
/** `pr`: the pull request's description instead of the document (`export assessment --pr`). */
const AssessmentFile = z.strictObject({ id: IdSchema, out: PathSchema.nullable(), pr: z.boolean().optional() });
const IcsFile = z.strictObject({
  pal: z.string().trim().min(1, "give a pal's name").max(200).nullable().optional(),
  out: PathSchema.nullable(),
});

/** What a file export did: the text itself (no `out`), or where it was written. */
export type FileExport =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly slideCount?: number;
      readonly engagementCount?: number;
      readonly eventCount?: number;
    }
  | {
      readonly kind: 'written';
      readonly path: string;
      readonly slideCount?: number;
      readonly engagementCount?: number;
      readonly eventCount?: number;
    };

export const HOST_API = {
  /** An id, or a name in any case, to the engagement's id (`pals show Kyverno`). */
  resolveRef: call<typeof Ref, { readonly id: string; readonly name: string }>(Ref),
  /** Every engagement's whole record (`pals list --json`); with `view`, only those the saved view shows. */
  listEngagements: call<typeof ListArgs, readonly EngagementView[]>(ListArgs),
  /** The whole store as plain JSON (the shape of pals.json), written durably to `out`. */
  backupTo: call<z.ZodObject<{ out: typeof PathSchema }>, { readonly engagements: number; readonly path: string }>(
    z.strictObject({ out: PathSchema }),
  ),
  /** Validates `file` (hand-edited ones included) and makes it the store; the previous store is kept in backups/. */
  restoreFrom: call<z.ZodObject<{ file: typeof PathSchema }>, { readonly engagements: number; readonly kept: string | null }>(
    z.strictObject({ file: PathSchema }),
  ),
  exportDeckTo: call<typeof DeckFile, FileExport>(DeckFile),
  exportAssessmentTo: call<typeof AssessmentFile, FileExport>(AssessmentFile),
  /** The .ics calendar (`pals export ics`), one pal's with `pal`; `eventCount` says how many events. */
  exportIcsTo: call<typeof IcsFile, FileExport>(IcsFile),
} as const satisfies Record<string, CallDeclaration>;

export type HostApi = typeof HOST_API;
/** Every call the core answers: the UI contract's and the host's. */
export type CoreApi = Api & HostApi;
export type CoreCall = keyof CoreApi;
export type CoreArgs<K extends CoreCall> = z.input<CoreApi[K]['args']>;
export type CoreParsedArgs<K extends CoreCall> = z.output<CoreApi[K]['args']>;
export type CoreResult<K extends CoreCall> = NonNullable<CoreApi[K]['result']>;
/** One async function per host call, taking validated arguments. */
export type HostHandlers = { readonly [K in keyof HostApi]: (args: CoreParsedArgs<K>) => Promise<CoreResult<K>> };
/** The core's one entrance, as a host sees it. */
export type CoreCallFn = <K extends CoreCall>(name: K, args: CoreArgs<K>) => Promise<ApiResponse<CoreResult<K>>>;
