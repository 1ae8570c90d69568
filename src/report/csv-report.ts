// report.csv (one row per unit and rule) and report-units.csv (one scorecard row per unit): UTF-8 with BOM so
// Excel opens Vietnamese correctly; csv-stringify's escape_formulas keeps website text from becoming formulas.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import type { RunView } from './run-view.js';
import { STATUS_LABELS, crawlLabel, gradeLabel } from './labels.js';
import { rulesById } from './localize.js';
import { findingText } from './exemption-note.js';
import type { Reporter } from './reporter.js';
import { join } from 'node:path';

const HEADERS = {
  vi: {
    findings: [
      'ma_don_vi',
      'ten_don_vi',
      'loai_hinh',
      'quan_huyen',
      'website',
      'quy_tac',
      'ket_qua',
      'trang_thai',
      'nhan_xet',
      'url_bang_chung',
      'vi_tri',
      'trich_doan',
    ],
    units: [
      'ma_don_vi',
      'ten_don_vi',
      'loai_hinh',
      'quan_huyen',
      'website',
      'url_cuoi',
      'truy_cap',
      'tinh_trang_truy_cap',
      'diem',
      'ty_le_xac_minh',
      'xep_loai',
      'tieu_chi_bat_buoc',
    ],
  },
  en: {
    findings: [
      'unit_id',
      'unit_name',
      'type',
      'district',
      'website',
      'rule',
      'status',
      'status_label',
      'message',
      'evidence_url',
      'selector',
      'excerpt',
    ],
    units: [
      'unit_id',
      'unit_name',
      'type',
      'district',
      'website',
      'final_url',
      'crawl_status',
      'crawl_status_label',
      'score',
      'verified',
      'grade',
      'blocking_rule',
    ],
  },
};

export const csvReporter: Reporter = {
  async write(view, dir) {
    const files = [join(dir, 'report.csv'), join(dir, 'report-units.csv')] as const;
    await writeCsvReports(view, ...files);
    return [...files];
  },
};

export async function writeCsvReports(view: RunView, findingsFile: string, unitsFile: string): Promise<void> {
  const h = HEADERS[view.lang];
  await pipeline(
    Readable.from(findingRows(view)),
    stringify({ bom: true, escape_formulas: true, header: true, columns: h.findings }),
    createWriteStream(findingsFile),
  );
  await pipeline(
    Readable.from(unitRows(view)),
    stringify({ bom: true, escape_formulas: true, header: true, columns: h.units }),
    createWriteStream(unitsFile),
  );
}

async function* findingRows(view: RunView): AsyncGenerator<string[]> {
  const byId = rulesById(view.rules);
  for await (const u of view.units()) {
    for (const f of u.findings) {
      const e = f.evidence[0];
      yield [
        u.id,
        u.name,
        u.type,
        u.district,
        u.website ?? '',
        f.rule,
        f.status,
        STATUS_LABELS[view.lang][f.status],
        findingText(f, byId, view.lang),
        e?.url ?? '',
        e?.selector ?? '',
        e?.excerpt ?? '',
      ];
    }
  }
}

async function* unitRows(view: RunView): AsyncGenerator<string[]> {
  for await (const u of view.units()) {
    yield [
      u.id,
      u.name,
      u.type,
      u.district,
      u.website ?? '',
      u.finalUrl ?? '',
      u.crawl.status,
      crawlLabel(u, view.lang),
      u.score === null ? '' : String(u.score),
      String(u.verified),
      gradeLabel(u.grade, view.lang),
      u.blocking ?? '',
    ];
  }
}
