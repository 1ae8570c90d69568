// Data the rules match against (hosts, keywords, matchers), with the catalogue's defaults; `--config` overrides it.
import { z } from 'zod';

export const rulesConfigSchema = z.object({
  /** Hosts of the EMC monitoring system; a host matches itself and its subdomains. */
  emcHosts: z.array(z.string()).default(['f-emc.ngsp.gov.vn', 'ngsp.gov.vn']),
  /** Extra hosts that count for the EMC *label* (a link or image there is the label). */
  emcLabelHosts: z.array(z.string()).default(['emc.gov.vn']),
  /** Words in alt/title/text that name the EMC label. Matched case-insensitively, without diacritics too. */
  emcLabelTexts: z.array(z.string()).default(['emc', 'hệ thống emc', 'đã kết nối emc', 'giám sát emc']),
  /** Tokens of an image file name that name the EMC label (`emc-label.png`, `logo_emc.png`; not `emcee`, `nemc`). */
  emcLabelFileTokens: z.array(z.string()).default(['emc']),
  /** Badges that are *not* the EMC label. */
  notEmcLabelHosts: z.array(z.string()).default(['tinnhiemmang.vn', 'online.gov.vn', 'dmca.com']),
  /** Text that marks a hosting default / parked / under-construction page. */
  parkedPageMarkers: z.array(z.string()).default([
    'apache2 debian default page', 'apache2 ubuntu default page', 'welcome to nginx', 'iis windows server',
    'test page for the apache http server', 'this domain is parked', 'domain is for sale', 'tên miền này đang được bán',
    'website đang được xây dựng', 'trang web đang xây dựng', 'under construction', 'coming soon', 'default web site page',
    'index of /',
  ]),
  /**
   * A parked-page marker outside the <title> decides only on pages shorter than this many words, so a marker quoted
   * in an article of a real portal ("coming soon") does not fail it.
   */
  parkedPageMaxWords: z.number().int().positive().default(300),
  /** Suffixes that are accepted as the official move target of a redirect (after a merger). */
  officialSuffixes: z.array(z.string()).default(['edu.vn', 'gov.vn']),
});

export type RulesConfig = z.infer<typeof rulesConfigSchema>;

export const defaultRulesConfig = (): RulesConfig => rulesConfigSchema.parse({});
