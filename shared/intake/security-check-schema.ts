/**
 * What `pals intake check` found about a project's security, as stored on its engagement: the
 * status it derived, the evidence behind it (security policy, TAG Security self-assessment,
 * OpenSSF Scorecard), the Scorecard's score and weakest checks, and when it was read. Kept apart
 * from the coordinator's own word (`criteria.security`), which stays final.
 */
import { z } from 'zod';
import { isHttpUrl } from '../issue-ref.js';

/** The statuses a check can derive (`audited` only ever comes from the coordinator). */
const FoundSchema = z.enum(['none', 'some-docs', 'self-assessment', 'audited', 'unknown']);

/** A link shown to the coordinator: http(s) only (an answer cannot plant a javascript: link). */
const LinkSchema = z.string().max(2_000).refine(isHttpUrl, 'must be an http(s) URL');

/** The three sources a check reads. */
export const EVIDENCE_KINDS = ['policy', 'self-assessment', 'scorecard'] as const;

/** One source and what it said: found or not, where, and in words (which folder name was tried, why it could not be read). */
export const SecurityEvidenceSchema = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  url: LinkSchema.nullable(),
  found: z.boolean(),
  detail: z.string().max(1_000),
  /** The source could not be read (offline, refused): its `found: false` means "don't know". */
  failed: z.boolean().default(false),
});

/** A Scorecard check scoring low, with why and where to read how to fix it. */
export const ScorecardCheckSchema = z.strictObject({
  name: z.string().max(100),
  score: z.number().min(-1).max(10),
  reason: z.string().max(1_000),
  url: LinkSchema.nullable(),
});

/** The OpenSSF Scorecard's verdict on the repository. */
export const ScorecardSummarySchema = z.strictObject({
  score: z.number().min(-1).max(10),
  /** The day Scorecard scanned (as it wrote it). */
  date: z.string().max(40),
  /** The Security-Policy check's score, -1 when inconclusive, null when the answer had none. */
  policyScore: z.number().min(-1).max(10).nullable(),
  /** The lowest-scoring checks, lowest first. */
  lowest: z.array(ScorecardCheckSchema).max(5),
});

/** A stored check. */
export const SecurityCheckSchema = z.strictObject({
  found: FoundSchema,
  evidence: z.array(SecurityEvidenceSchema).max(3),
  scorecard: ScorecardSummarySchema.nullable(),
  /** When these findings were read. */
  checkedAt: z.iso.datetime({ offset: true }),
  /** The last attempt to read again failed (offline): the findings above are the earlier ones. */
  error: z.string().max(500).nullable().default(null),
  /** ETags of answers worth asking about conditionally next time (a 304 costs no rate-limit point), by request. */
  etags: z
    .record(z.string().max(300), z.string().max(200))
    .refine((r) => Object.keys(r).length <= 20, 'keeps at most 20 ETags')
    .default({}),
});

export type SecurityEvidence = z.infer<typeof SecurityEvidenceSchema>;
export type ScorecardCheck = z.infer<typeof ScorecardCheckSchema>;
export type ScorecardSummary = z.infer<typeof ScorecardSummarySchema>;
export type SecurityCheck = z.infer<typeof SecurityCheckSchema>;
