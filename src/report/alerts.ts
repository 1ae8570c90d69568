// The units an inspector must act on first: those failing a blocking rule (a home page hijacked or sent off-site,
// gambling or defacement content, a site nobody can reach), with the registered and final URLs, what was found and
// the legal basis for reporting it. Read by the "Cảnh báo" sheet, report.html, the console summary and `check`.
import type { Finding, UnitResult } from '../model/result.js';
import type { Rule } from '../model/rule.js';
import type { Lang } from '../engine/messages.js';
import { getRule } from '../../rules/index.js';
import { messageIn } from './localize.js';
import { plainWords } from './plain-words.js';

/** Rules whose failure is reported on its own, beyond the score: the grade-blocking rules (their meta says so). */
const isAlertRule = (id: string): boolean => getRule(id)?.meta.blocking !== undefined;

export interface Alert {
  unitId: string;
  name: string;
  district: string;
  rule: string;
  /** The rule's failure title: what is wrong, in a few words. */
  problem: string;
  website: string | null;
  finalUrl: string | null;
  /** What was found: the finding's message and the first excerpt of its evidence. */
  found: string;
  /** Where the evidence was seen. */
  evidenceUrl?: string;
  basis: string;
  /** Path of the home page screenshot in the run directory, when the run kept one. */
  screenshot?: string;
}

/** Failed findings of alert rules, and of any rule the unit's results name as blocking (`blocking`, when present). */
function alertFindings(u: UnitResult): Finding[] {
  const declared = (u as { blocking?: unknown }).blocking;
  const named = Array.isArray(declared) ? declared.map((b) => (typeof b === 'string' ? b : (b as { rule?: string } | null)?.rule)) : [];
  const ids = new Set(named.filter((x): x is string => Boolean(x)));
  return u.findings.filter((f) => f.status === 'fail' && (isAlertRule(f.rule) || ids.has(f.rule)));
}

export function unitAlerts(u: UnitResult, rules: ReadonlyMap<string, Rule>, lang: Lang): Alert[] {
  return alertFindings(u).map((f) => {
    const rule = rules.get(f.rule);
    const excerpt = f.evidence.find((e) => e.excerpt)?.excerpt;
    const screenshot = (u as { screenshot?: unknown }).screenshot;
    return {
      unitId: u.id,
      name: u.name,
      district: u.district,
      rule: f.rule,
      problem: rule?.meta.failureTitle[lang] ?? f.rule,
      website: u.website,
      finalUrl: u.finalUrl,
      found: [messageIn(f, rules, lang), excerpt ? `“${plainWords(excerpt, lang)}”` : ''].filter(Boolean).join(' '),
      ...(f.evidence[0]?.url ? { evidenceUrl: f.evidence[0].url } : {}),
      basis: (rule?.meta.basis ?? []).map((b) => `${b.document}, ${b.provision}`).join('; '),
      ...(typeof screenshot === 'string' ? { screenshot } : {}),
    };
  });
}

/** All alerts of a run, in registry order: one pass over the units stream. */
export async function collectAlerts(units: AsyncIterable<UnitResult>, rules: ReadonlyMap<string, Rule>, lang: Lang): Promise<Alert[]> {
  const out: Alert[] = [];
  for await (const u of units) out.push(...unitAlerts(u, rules, lang));
  return out;
}
