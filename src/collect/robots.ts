// robots.txt, fetched once per origin per run and shared by every unit on that origin.
import robotsParserModule from 'robots-parser';
import type { FetchResult } from '../model/artifacts.js';

type Parser = typeof import('robots-parser').default;
// robots-parser is CommonJS with an ESM-style .d.ts: at runtime the default import is the function itself.
const robotsParser: Parser = ((robotsParserModule as unknown as { default?: Parser }).default ?? robotsParserModule) as unknown as Parser;

export const ROBOTS_UA = 'edu-site-audit';

/** What became of an origin's robots.txt: read (and obeyed), none there (4xx), or unreadable after a retry. */
export type RobotsState = 'read' | 'none' | 'unreadable';

export interface OriginRobots {
  url: string;
  state: RobotsState;
  status?: number;
  crawlDelaySec?: number;
  isAllowed(url: string): boolean;
}

export type RobotsFetcher = (robotsUrl: string) => Promise<FetchResult>;

const ALLOW_ALL = (url: string, state: RobotsState, status?: number): OriginRobots => ({ url, state, status, isAllowed: () => true });

export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<OriginRobots>>();

  constructor(
    private readonly fetcher: RobotsFetcher,
    private readonly onCrawlDelay?: (host: string, sec: number) => void,
  ) {}

  /** The robots rules of the URL's origin; the fetch is started once and its promise shared. */
  forUrl(url: string): Promise<OriginRobots> {
    const origin = new URL(url).origin;
    let p = this.byOrigin.get(origin);
    if (!p) {
      p = this.load(origin);
      this.byOrigin.set(origin, p);
    }
    return p;
  }

  private async load(origin: string): Promise<OriginRobots> {
    const robotsUrl = `${origin}/robots.txt`;
    let res: FetchResult;
    try {
      res = await this.fetcher(robotsUrl);
      // a slow answer once is common on school hosts; twice, and the file is unreadable
      if (!res.ok && res.reason === 'timeout') res = await this.fetcher(robotsUrl);
    } catch {
      return ALLOW_ALL(robotsUrl, 'unreadable');
    }
    // A 403 wall on robots.txt is a 4xx like any other: no usable file, so none.
    if (!res.ok) return ALLOW_ALL(robotsUrl, res.status === 403 ? 'none' : 'unreadable', res.status);
    // 4xx means "no robots.txt" (RFC 9309 §2.3.1.3), and so does an HTML page served in its place. An unreadable
    // one (5xx, timeouts, resets) should mean "disallow all" by the RFC, but school hosts answer 5xx for everything
    // when overloaded, and an audit that refuses to look would judge nothing: the unit records `robots: unreadable`
    // and is crawled as if there were none (README, "robots.txt").
    if (res.status >= 500) return ALLOW_ALL(robotsUrl, 'unreadable', res.status);
    if (res.status >= 400 || res.isHtml) return ALLOW_ALL(robotsUrl, 'none', res.status);
    const robot = robotsParser(robotsUrl, res.text);
    const delay = robot.getCrawlDelay(ROBOTS_UA);
    if (delay !== undefined && delay > 0) this.onCrawlDelay?.(new URL(origin).hostname, delay);
    return {
      url: robotsUrl,
      state: 'read',
      status: res.status,
      crawlDelaySec: delay,
      isAllowed: (u: string) => robot.isAllowed(u, ROBOTS_UA) !== false,
    };
  }
}
