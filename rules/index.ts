// The rule set: an explicit map id → module, sorted by id (no folder globbing), and its version.
import type { Rule } from '../src/model/rule.js';
import domainEduVn from './domain-edu-vn.js';
import emcLabel from './emc-label.js';
import emcTag from './emc-tag.js';
import https from './https.js';
import mobileFriendly from './mobile-friendly.js';
import parentPortalLink from './parent-portal-link.js';
import redirectOffsite from './redirect-offsite.js';
import siteReachable from './site-reachable.js';

/** Bumped whenever a rule's judgement changes; every result records it. */
export const RULE_SET_VERSION = '2026.11.0';

export const RULES_BY_ID: Readonly<Record<string, Rule>> = {
  'domain-edu-vn': domainEduVn,
  'emc-label': emcLabel,
  'emc-tag': emcTag,
  https,
  'mobile-friendly': mobileFriendly,
  'parent-portal-link': parentPortalLink,
  'redirect-offsite': redirectOffsite,
  'site-reachable': siteReachable,
};

export const RULES: readonly Rule[] = Object.values(RULES_BY_ID);

export function getRule(id: string): Rule | undefined {
  return Object.hasOwn(RULES_BY_ID, id) ? RULES_BY_ID[id] : undefined;
}
