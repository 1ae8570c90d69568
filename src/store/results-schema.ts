// The results.json contract (docs/results.md) as a zod schema: tests validate runs against it, and tools that
// read a run (report, diff, merge) can check what they are given.
import { z } from 'zod';
import { CRAWL_STATUSES, RENDER_REASONS } from '../model/artifacts.js';
import { STATUSES } from '../model/rule.js';
import { GRADES } from '../model/result.js';
import { UNIT_TYPES } from '../model/unit.js';

// `exempt` came later: runs written before it have no such count, so it defaults to 0.
const statusCounts = z.object(
  Object.fromEntries(
    STATUSES.map((s) => [s, s === 'exempt' ? z.number().int().nonnegative().default(0) : z.number().int().nonnegative()]),
  ) as Record<(typeof STATUSES)[number], z.ZodNumber>,
);

export const evidenceSchema = z.object({
  url: z.string(),
  selector: z.string().optional(),
  excerpt: z.string().max(200).optional(),
  snapshot: z
    .string()
    .regex(/^evidence\/[0-9a-f]{64}\.html\.gz$/)
    .optional(),
});

export const findingSchema = z.object({
  rule: z.string(),
  status: z.enum(STATUSES),
  message: z.string().min(1),
  messageId: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  evidence: z.array(evidenceSchema),
  exemption: z.object({ reason: z.string(), approvedBy: z.string(), until: z.string(), originalStatus: z.enum(STATUSES) }).optional(),
});

export const unitResultSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  type: z.enum(UNIT_TYPES),
  district: z.string(),
  province: z.string(),
  website: z.string().nullable(),
  finalUrl: z.string().nullable(),
  alternates: z.array(z.string()).optional(),
  title: z.string().optional(),
  score: z.number().min(0).max(100).nullable(),
  verified: z.number().min(0).max(1),
  grade: z.enum(GRADES),
  blocking: z.string().optional(),
  crawl: z.object({
    status: z.enum(CRAWL_STATUSES),
    pages: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(),
    error: z.string().optional(),
    robots: z.enum(['read', 'none', 'unreadable']).optional(),
    redirects: z.array(z.object({ url: z.string(), status: z.number(), location: z.string() })).optional(),
    rendered: z.object({ why: z.enum(RENDER_REASONS), error: z.string().optional() }).optional(),
    truncated: z.boolean().optional(),
    scriptShell: z.boolean().optional(),
  }),
  findings: z.array(findingSchema),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  timings: z
    .object({
      fcpMs: z.number().nonnegative().optional(),
      lcpMs: z.number().nonnegative().optional(),
      loadMs: z.number().nonnegative().optional(),
      bytes: z.number().int().nonnegative(),
      requests: z.number().int().nonnegative(),
      withinThresholds: z.boolean().optional(),
    })
    .optional(),
  screenshots: z
    .array(
      z.object({
        file: z.string().regex(/^evidence\/[0-9a-f]{64}\.jpg$/),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        url: z.string(),
        view: z.enum(['desktop']),
      }),
    )
    .optional(),
  ruleSetVersion: z.string(),
  auditedAt: z.string(),
});

export const runResultsSchema = z.object({
  schemaVersion: z.literal(1),
  run: z.object({
    startedAt: z.string(),
    finishedAt: z.string(),
    now: z.string(),
    tool: z.object({ name: z.string(), version: z.string() }),
    ruleSetVersion: z.string(),
    registry: z.object({ file: z.string(), sha256: z.string(), units: z.number(), invalidRows: z.number() }),
    options: z.record(z.string(), z.unknown()),
    rules: z.array(z.string()),
    registryChecks: z.array(z.object({ kind: z.string(), units: z.array(z.string()), detail: z.string() })),
    exemptionWarnings: z
      .array(
        z.object({
          source: z.string(),
          unit: z.string(),
          rule: z.string(),
          problem: z.enum(['expired', 'unknown-unit', 'unknown-rule']),
          message: z.string(),
        }),
      )
      .optional(),
    shard: z
      .object({
        k: z.number().int().positive(),
        n: z.number().int().positive(),
        registryIndex: z.record(z.string(), z.number().int().nonnegative()),
      })
      .optional(),
  }),
  units: z.array(unitResultSchema),
  districts: z.array(
    z.object({
      district: z.string(),
      units: z.number().int(),
      reachable: z.number().int(),
      averageScore: z.number().nullable(),
      // "Chưa xác minh" came with catalogue version 2: older runs have no such count.
      grades: z.object(
        Object.fromEntries(GRADES.map((g) => [g, g === 'Chưa xác minh' ? z.number().int().default(0) : z.number().int()])) as Record<
          (typeof GRADES)[number],
          z.ZodNumber
        >,
      ),
      rules: z.record(z.string(), statusCounts),
    }),
  ),
  // Province summary per platform (runs written before it have none).
  province: z
    .object({
      platforms: z.array(
        z.object({
          platform: z.string().nullable(),
          units: z.number().int().nonnegative(),
          reachable: z.number().int().nonnegative(),
          averageScore: z.number().nullable(),
          grades: z.record(z.string(), z.number().int().nonnegative()),
          topFails: z.array(z.object({ rule: z.string(), units: z.number().int().positive() })),
        }),
      ),
    })
    .optional(),
});
