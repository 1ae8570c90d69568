// Screenshots a unit's result names, as links the reports can give: paths relative to the run directory
// (`evidence/<sha256>.jpg`), so report.html and report.xlsx keep working when the run directory is copied
// elsewhere. A path of any other shape (a hand-edited results.json) is never linked.
import type { ScreenshotRef, UnitResult } from '../model/result.js';
import type { Lang } from '../engine/messages.js';

const SHOT_FILE = /^evidence\/[0-9a-f]{64}\.jpg$/;

export const linkableShots = (u: Pick<UnitResult, 'screenshots'>): ScreenshotRef[] =>
  (u.screenshots ?? []).filter((s) => SHOT_FILE.test(s.file));

const WORDS = {
  vi: {
    desktop: 'Ảnh chụp trang chủ (màn hình máy tính 1280×800)',
    alt: (name: string, date: string): string => `Ảnh chụp trang chủ của ${name} ngày ${date}`,
    open: 'Bấm vào ảnh để xem cỡ đầy đủ',
    page: 'Trang',
  },
  en: {
    desktop: 'Home page screenshot (desktop screen 1280×800)',
    alt: (name: string, date: string): string => `Screenshot of the home page of ${name} on ${date}`,
    open: 'Click the picture to see it full size',
    page: 'Page',
  },
} as const;

export const shotWords = (lang: Lang): (typeof WORDS)['vi'] | (typeof WORDS)['en'] => WORDS[lang];
