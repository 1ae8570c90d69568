import type http from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '../../rules/index.js';
import { crawlTargeting } from '../../src/engine/rules-config.js';
import type { ArtifactKey } from '../../src/model/artifacts.js';
import type { Unit } from '../../src/model/unit.js';
import { resolveOptions } from '../../src/options.js';
import { buildRegistryIndex } from '../../src/registry/registry-index.js';
import { auditOneUnit } from '../../src/run/audit-unit.js';
import type { EvidenceStore } from '../../src/store/evidence-store.js';
import { context, html, startServer, type TestServer } from '../collect/servers.js';

const unit: Unit = {
  id: 'u',
  name: 'x',
  type: 'thpt',
  district: 'd',
  province: ['hcm'],
  website: 'http://a.test/',
  source: { file: 'r.csv', row: 2 },
};

describe('a unit under --page-memory', () => {
  let server: TestServer;
  beforeAll(async () => {
    const handler: http.RequestListener = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html(`<nav><a href="/gioi-thieu">Giới thiệu</a></nav><main><h1>${req.url ?? '/'}</h1></main>`));
    };
    server = await startServer(handler);
  });
  afterAll(() => server.close());

  it('gives back the rest of its reservation once crawled, while it still holds its pages for judging and evidence', async () => {
    const ctx = await context({ connectTo: [`::127.0.0.1:${server.port}`], targeting: crawlTargeting(defaultRulesConfig()) });
    try {
      const seen: { held: number; reserved: number; inFlight: number }[] = [];
      // the evidence is written after judging and before the unit's pages are let go
      const evidence = {
        keepDeciding: async () =>
          void seen.push({ held: ctx.memory.heldChars, reserved: ctx.memory.reservedChars, inFlight: ctx.memory.inFlight }),
      } as unknown as EvidenceStore;
      const before = ctx.memory.expectedChars;
      await auditOneUnit({
        unit,
        crawlCtx: ctx,
        needs: new Set<ArtifactKey>(['pages']),
        rules: [],
        options: resolveOptions(undefined, {}),
        ruleSetVersion: 't',
        ruleCtx: { now: new Date('2026-11-15T00:00:00Z'), config: defaultRulesConfig(), registry: buildRegistryIndex([unit]) },
        logger: pino({ level: 'silent' }),
        evidence,
      });
      expect(seen).toHaveLength(1);
      expect(seen[0]!.inFlight).toBe(1);
      expect(seen[0]!.held).toBeGreaterThan(0);
      expect(seen[0]!.reserved).toBe(0);
      // the next unit is expected to hold what this one did (or the estimate's floor), not the first guess
      expect(ctx.memory.expectedChars).toBe(Math.max(seen[0]!.held, ctx.memory.limitChars / 1000));
      expect(ctx.memory.expectedChars).toBeLessThan(before);
      expect(ctx.memory.heldChars).toBe(0);
      expect(ctx.memory.inFlight).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
