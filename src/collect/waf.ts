// Recognises WAF walls and bot challenges: a 403/429, or a challenge page whatever its status. Such an answer
// says nothing about the site's content, so it becomes `blocked_by_waf` rather than an HTTP error page.
import type { RawResponse } from './request.js';

const CHALLENGE_MARKERS = [
  /<title>\s*just a moment\.\.\.\s*<\/title>/i,
  /\/cdn-cgi\/challenge-platform\//i,
  /attention required! \| cloudflare/i,
  /sucuri website firewall/i,
  /incapsula incident id/i,
  /_incapsula_resource/i,
];

/** Why the answer is a wall, or undefined when it is a real answer. */
export function isWall(raw: RawResponse): string | undefined {
  if (raw.status === 403 || raw.status === 429) return `HTTP ${raw.status}`;
  if ((raw.headers['cf-mitigated'] ?? '').toLowerCase() === 'challenge') return `challenge page (HTTP ${raw.status})`;
  // Challenge pages are small; a large page that merely mentions a vendor is not one.
  if (raw.body.length > 64 * 1024) return undefined;
  const head = raw.body.subarray(0, 16 * 1024).toString('latin1');
  return CHALLENGE_MARKERS.some((re) => re.test(head)) ? `challenge page (HTTP ${raw.status})` : undefined;
}
