// A unit result and a run header for report tests that write reports from a hand-made RunView.
import type { RunResults, UnitResult } from '../../src/model/result.js';

export const reportUnit = (id: string, over: Partial<UnitResult>): UnitResult => ({
  id,
  name: `Trường ${id}`,
  type: 'thcs',
  district: 'Quận 1',
  province: 'hcm',
  website: `https://${id}.hcm.edu.vn/`,
  finalUrl: `https://${id}.hcm.edu.vn/`,
  score: 90,
  verified: 1,
  grade: 'Tốt',
  crawl: { status: 'ok', pages: 2, durationMs: 5 },
  findings: [{ rule: 'emc-tag', status: 'pass', message: 'Có mã EMC', messageId: 'found', evidence: [] }],
  facts: {},
  ruleSetVersion: 't',
  auditedAt: '2026-11-15T02:00:00Z',
  ...over,
});

/** The run of 15/11/2026 over `units` units of demo.csv. */
export const reportRun = (units: number): RunResults['run'] =>
  ({
    startedAt: '2026-11-15T01:00:00Z',
    finishedAt: '2026-11-15T01:05:00Z',
    now: '2026-11-15T00:00:00Z',
    tool: { name: 'edu-site-audit', version: '0' },
    ruleSetVersion: 't',
    registry: { file: 'demo.csv', sha256: 'x', units, invalidRows: 0 },
    options: {},
    rules: ['emc-tag'],
    registryChecks: [],
  }) as RunResults['run'];
