// The run's crawl context from the audit options (shared by the in-process run, its re-checks and the unit workers).
import type { Logger } from 'pino';
import type { AuditOptions } from '../options.js';
import { UsageError } from '../options.js';
import { crawlTargeting, type RulesConfig } from '../engine/rules-config.js';
import { createCrawlContext, type CrawlContext } from '../collect/crawl-context.js';

export async function openCrawl(options: AuditOptions, rulesConfig: RulesConfig, logger: Logger): Promise<CrawlContext> {
  return createCrawlContext({
    userAgent: options.userAgent,
    timeoutMs: options.timeout,
    maxBytes: options.maxBytes,
    maxPages: options.maxPages,
    perHost: options.perHost,
    perIp: options.perIp,
    connectTo: options.connectTo,
    caFiles: options.ca,
    allowPrivate: options.allowPrivate,
    ignoreRobots: options.ignoreRobots,
    unitDeadlineMs: options.unitDeadline ?? Math.max(4 * options.timeout, 60_000),
    retries: options.retries,
    pageMemoryMb: options.pageMemory,
    targeting: crawlTargeting(rulesConfig),
    render: options.render,
    screenshots: options.screenshots,
    ...(options.browser ? { browserPath: options.browser } : {}),
    emcHosts: rulesConfig.emcHosts,
    logger,
  }).catch((error: unknown) => {
    // bad --connect-to values or unreadable --ca files are bad usage (exit 2), not a failed run
    throw new UsageError(error instanceof Error ? error.message : String(error));
  });
}
