// Gambling-spam matching for no-malicious-content: terms and brands as whole words, a warning context that makes a
// term legitimate ("phòng chống cá độ"), and betting hosts. Lists come from no-malicious-content's options.
import { hostOf } from '../util/hosts.js';
import { findKeyword, normalizeText, stripDiacritics } from '../util/text.js';

const WORD = /[\p{L}\p{N}]/u;

/** Start indices of `needle` in `haystack` as whole words (letters and digits on neither side). */
function wordIndices(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((before === undefined || !WORD.test(before)) && (after === undefined || !WORD.test(after))) out.push(at);
  }
  return out;
}

/** The lists these helpers read (no-malicious-content's options, rules/no-malicious-content.ts). */
export interface SpamConfig {
  bettingTerms: readonly string[];
  bettingBrands: readonly string[];
  bettingHostWords: readonly string[];
  antiGamblingContext: readonly string[];
  antiGamblingContextChars: number;
  defacementMarkers: readonly string[];
}

interface Prepared {
  terms: { term: string; forms: string[] }[];
  hostWords: { word: string; w: string }[];
  markers: { marker: string; normalized: string }[];
  /** Any form of any term: most texts hold none, and one regex pass rules them out instead of a scan per form. */
  anyTerm: RegExp | undefined;
  /** Verdicts per host (null: not a betting host): menus and footers repeat the same hosts on every page. */
  hosts: Map<string, string | null>;
}

// The lists' normalised forms, once per rules config: these helpers run on every link and text block of every page.
const preparedFor = new WeakMap<SpamConfig, Prepared>();
function prepared(cfg: SpamConfig): Prepared {
  let p = preparedFor.get(cfg);
  if (!p) {
    const terms = [...cfg.bettingTerms, ...cfg.bettingBrands].map((term) => {
      const k = normalizeText(term);
      return { term, forms: [...new Set([k, stripDiacritics(k)])].filter(Boolean) };
    });
    const forms = terms.flatMap((t) => t.forms).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    p = {
      terms,
      anyTerm: forms.length ? new RegExp(forms.join('|')) : undefined,
      hostWords: [...cfg.bettingBrands, ...cfg.bettingHostWords].map((word) => ({
        word,
        w: stripDiacritics(word.toLowerCase()).replace(/[\s-]+/g, ''),
      })),
      markers: cfg.defacementMarkers.map((marker) => ({ marker, normalized: normalizeText(marker) })),
      hosts: new Map(),
    };
    preparedFor.set(cfg, p);
  }
  return p;
}

export interface TermHit {
  term: string;
  /** Text around the term (for evidence). */
  around: string;
  /** A warning word found near the term ("phòng chống"): not spam. */
  warning?: string;
}

/**
 * Gambling terms and brands in `text`. A term typed with diacritics matches them, or its bare form written literally
 * without them ("nha cai uy tin"), but the bare form is never matched against text stripped of its diacritics: that
 * would make "cả đó" read as "cá độ".
 */
export function findBettingTerms(text: string, cfg: SpamConfig): TermHit[] {
  return bettingTermsInNormalized(normalizeText(text), cfg);
}

/** findBettingTerms on text already passed through normalizeText (a page's text is normalised once for all scans). */
export function bettingTermsInNormalized(t: string, cfg: SpamConfig): TermHit[] {
  const { anyTerm } = prepared(cfg);
  if (!t || !anyTerm || !anyTerm.test(t)) return [];
  const hits: TermHit[] = [];
  const span = cfg.antiGamblingContextChars;
  for (const { term, forms } of prepared(cfg).terms) {
    const at = forms.flatMap((f) => wordIndices(t, f).map((i) => ({ i, len: f.length })));
    for (const { i, len } of at) {
      const window = t.slice(Math.max(0, i - span), i + len + span);
      const warning = findKeyword(window, cfg.antiGamblingContext);
      hits.push({ term, around: t.slice(Math.max(0, i - 60), i + len + 60), ...(warning ? { warning } : {}) });
      if (!warning) break; // one spam occurrence per term is enough evidence
    }
  }
  return hits;
}

/**
 * The betting brand or word a URL's host carries (`nhacai-w88.example.com` → w88), or undefined. Short names (w88,
 * go88, iwin) must start a label part so that `kiwing.vn` is not "iwin"; longer ones may occur anywhere in a label.
 */
export function bettingHost(url: string, cfg: SpamConfig): string | undefined {
  if (!/^https?:/i.test(url)) return undefined;
  const host = hostOf(url);
  if (!host) return undefined;
  const p = prepared(cfg);
  const known = p.hosts.get(host);
  if (known !== undefined) return known ?? undefined;
  const verdict = hostVerdict(host, p);
  if (p.hosts.size >= HOST_CACHE_LIMIT) p.hosts.clear();
  p.hosts.set(host, verdict ?? null);
  return verdict;
}

const HOST_CACHE_LIMIT = 20_000;

function hostVerdict(host: string, p: Prepared): string | undefined {
  const labels = host.split('.');
  const parts = labels.flatMap((l) => l.split('-'));
  const compact = labels.map((l) => l.replace(/-/g, ''));
  for (const { word, w } of p.hostWords) {
    if (w.length < 5 ? parts.some((part) => part.startsWith(w)) : compact.some((l) => l.includes(w))) return word;
  }
  return undefined;
}

/** Defacement signatures ("Hacked by …") in `text`. */
export function findDefacement(text: string, cfg: SpamConfig): { marker: string; around: string } | undefined {
  return defacementInNormalized(normalizeText(text), cfg);
}

/** findDefacement on text already passed through normalizeText. */
export function defacementInNormalized(t: string, cfg: SpamConfig): { marker: string; around: string } | undefined {
  for (const { marker, normalized } of prepared(cfg).markers) {
    const [i] = wordIndices(t, normalized);
    if (i !== undefined) return { marker, around: t.slice(Math.max(0, i - 40), i + marker.length + 80) };
  }
  return undefined;
}
