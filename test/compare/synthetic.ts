// Small synthetic runs for the compare and exemption tests: a unit is a rule → status map plus a few overrides.
import type { Finding, RunResults, UnitResult } from '../../src/model/result.js';
import type { Status } from '../../src/model/rule.js';

export function unit(id: string, statuses: Record<string, Status>, over: Partial<UnitResult> = {}): UnitResult {
  const findings: Finding[] = Object.entries(statuses).map(([rule, status]) => ({
    rule,
    status,
    message: `${rule} ${status}`,
    messageId: status,
    evidence: [],
  }));
  return {
    id,
    name: `Trường ${id}`,
    type: 'thcs',
    district: 'Quận 1',
    province: 'hcm',
    website: `https://${id}.hcm.edu.vn/`,
    finalUrl: `https://${id}.hcm.edu.vn/`,
    score: 100,
    verified: 1,
    grade: 'Tốt',
    crawl: { status: 'ok', pages: 3, durationMs: 10 },
    findings,
    facts: {},
    ruleSetVersion: 't',
    auditedAt: '2026-11-15T00:00:00Z',
    ...over,
  };
}

export function run(units: UnitResult[], now = '2026-11-15T00:00:00.000Z'): RunResults {
  return {
    schemaVersion: 1,
    run: {
      startedAt: now,
      finishedAt: now,
      now,
      tool: { name: 'edu-site-audit', version: '0.1.0' },
      ruleSetVersion: 't',
      registry: { file: 'demo.csv', sha256: 'x', units: units.length, invalidRows: 0 },
      options: {},
      rules: [...new Set(units.flatMap((u) => u.findings.map((f) => f.rule)))],
      registryChecks: [],
    },
    units,
    districts: [],
  };
}
