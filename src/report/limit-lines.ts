// The console's one or two lines on what bounded the run (src/run/run-limits.ts), in plain words: an inspector whose
// schools share one server learns that --per-ip set the pace, and that raising it is theirs to decide.
import type { Lang } from '../engine/messages.js';
import type { RunLimits } from '../model/result.js';
import { count } from '../registry/messages.js';

/** 41 phút, 2 giờ 5 phút, 12 giây / 41 min, 2 h 5 min, 12 s. */
export function duration(ms: number, lang: Lang): string {
  const s = Math.round(ms / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const w = lang === 'en' ? { h: 'h', m: 'min', s: 's' } : { h: 'giờ', m: 'phút', s: 'giây' };
  if (h) return `${count(h, lang)} ${w.h}${m ? ` ${m} ${w.m}` : ''}`;
  if (m) return `${m} ${w.m}${sec && m < 10 ? ` ${sec} ${w.s}` : ''}`;
  return `${sec} ${w.s}`;
}

const pct = (share: number): string => `${Math.round(share * 100)} %`;

export function limitLines(l: RunLimits, lang: Lang): string[] {
  const vi = lang === 'vi';
  const d = (ms: number): string => duration(ms, lang);
  const head = vi ? 'Giới hạn tốc độ chính' : 'What set the pace';
  const busiest = l.busiest
    .filter((b) => b.units > 0)
    .map((b) =>
      vi
        ? `${count(b.units, lang)} đơn vị trên ${b.address} (chờ ${d(b.waitMs)})`
        : `${count(b.units, lang)} units on ${b.address} (waited ${d(b.waitMs)})`,
    )
    .join(', ');
  let first: string;
  switch (l.bound) {
    case 'per-ip':
      first = vi
        ? `${head}: số kết nối mỗi địa chỉ IP (--per-ip ${l.limits.perIp}): các yêu cầu chờ ${pct(l.shares['per-ip'])} thời gian, tổng ${d(l.waitMs.perIp)}; ${busiest}. Nếu máy chủ đó do đơn vị mình quản lý, có thể tăng --per-ip.`
        : `${head}: connections per IP address (--per-ip ${l.limits.perIp}): requests waited ${pct(l.shares['per-ip'])} of their time, ${d(l.waitMs.perIp)} in all; ${busiest}. If you run that server, you may raise --per-ip.`;
      break;
    case 'per-host':
      first = vi
        ? `${head}: số kết nối mỗi website (--per-host ${l.limits.perHost}): các yêu cầu chờ ${pct(l.shares['per-host'])} thời gian, tổng ${d(l.waitMs.perHost)}.`
        : `${head}: connections per website (--per-host ${l.limits.perHost}): requests waited ${pct(l.shares['per-host'])} of their time, ${d(l.waitMs.perHost)} in all.`;
      break;
    case 'spacing':
      first = vi
        ? `${head}: khoảng nghỉ giữa các yêu cầu mà robots.txt (Crawl-delay) hoặc máy chủ từ chối yêu cầu đòi hỏi: các yêu cầu chờ ${pct(l.shares.spacing)} thời gian, tổng ${d(l.waitMs.spacing)}.`
        : `${head}: the spacing robots.txt (Crawl-delay) or refusing servers asked for: requests waited ${pct(l.shares.spacing)} of their time, ${d(l.waitMs.spacing)} in all.`;
      break;
    case 'page-memory':
      first = vi
        ? `${head}: bộ nhớ dành cho các trang đang giữ (--page-memory ${l.limits.pageMemory}): ${count(l.pageMemoryUnits, lang)} đơn vị chờ ${pct(l.shares['page-memory'])} thời gian, tổng ${d(l.waitMs.pageMemory)}.`
        : `${head}: the memory for pages held (--page-memory ${l.limits.pageMemory}): ${count(l.pageMemoryUnits, lang)} units waited ${pct(l.shares['page-memory'])} of their time, ${d(l.waitMs.pageMemory)} in all.`;
      break;
    case 'cpu':
      first = vi
        ? `${head}: bộ xử lý (CPU): phân tích và chấm điểm bận ${pct(l.shares.cpu)} thời gian.`
        : `${head}: the CPU: parsing and judging kept it busy ${pct(l.shares.cpu)} of the time.`;
      break;
    case 'concurrency':
      first = vi
        ? `${head}: số đơn vị kiểm tra cùng lúc (--concurrency ${l.limits.concurrency}): mọi chỗ đều bận ${pct(l.shares.concurrency)} thời gian; tăng --concurrency để chạy nhanh hơn.`
        : `${head}: units audited at once (--concurrency ${l.limits.concurrency}): every slot was taken ${pct(l.shares.concurrency)} of the time; raise --concurrency to go faster.`;
      break;
    default:
      first = vi
        ? `${head}: thời gian trả lời của các website; không giới hạn nào của công cụ giữ chậm lần chạy.`
        : `${head}: the websites' own answer times; none of the tool's limits held the run back.`;
  }
  const second = vi
    ? `  Thời gian chờ: mỗi IP ${d(l.waitMs.perIp)} · mỗi website ${d(l.waitMs.perHost)} · khoảng nghỉ ${d(l.waitMs.spacing)} · bộ nhớ trang ${d(l.waitMs.pageMemory)} · ${count(l.requests, lang)} yêu cầu`
    : `  Waits: per IP ${d(l.waitMs.perIp)} · per website ${d(l.waitMs.perHost)} · spacing ${d(l.waitMs.spacing)} · page memory ${d(l.waitMs.pageMemory)} · ${count(l.requests, lang)} requests`;
  return [first, second];
}
