// Synthetic school sites for the benchmark fleet: every page is a pure function of (host, path), built on request,
// so a fleet of 50,000 units costs no disk. Pages follow the NukeViet/VNPT portal shapes seen in fixtures/sites:
// a menu with dropdowns, news lists with dates, sidebars, a footer with the EMC label and the parent-portal link.
import { AUDIT_NOW, hostOf, unitIndexOf, unitSpec } from './units.js';

/** A small deterministic PRNG (mulberry32) seeded from a string, so a page is the same on every request. */
function rng(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const WORDS = (
  'học sinh giáo viên nhà trường năm học hoạt động phong trào thi đua chào mừng kỷ niệm ngày nhà giáo việt nam ' +
  'chất lượng giáo dục đổi mới phương pháp dạy học chuyển đổi số tập huấn bồi dưỡng chuyên môn nghiệp vụ kế hoạch ' +
  'triển khai thực hiện chương trình giáo dục phổ thông tổ chức hội nghị cán bộ công chức viên chức người lao động ' +
  'tuyên truyền an toàn giao thông phòng chống dịch bệnh vệ sinh môi trường xanh sạch đẹp câu lạc bộ thể dục thể thao ' +
  'văn nghệ trải nghiệm sáng tạo khoa học kỹ thuật học sinh giỏi cấp thành phố quận huyện phụ huynh ban đại diện cha mẹ ' +
  'thư viện thân thiện trường học hạnh phúc kỹ năng sống giá trị truyền thống tri ân thầy cô khen thưởng kết quả'
).split(' ');
const TITLES = [
  'Hội nghị cán bộ, công chức, viên chức năm học',
  'Hội thi giáo viên dạy giỏi cấp trường',
  'Chào mừng Ngày Nhà giáo Việt Nam 20-11',
  'Kết quả Hội khỏe Phù Đổng cấp quận',
  'Tập huấn chuyển đổi số trong dạy học',
  'Hoạt động trải nghiệm “Em yêu khoa học”',
  'Lễ khai giảng năm học mới',
  'Tuyên truyền an toàn giao thông cho học sinh',
  'Sơ kết học kỳ I và phát động thi đua',
  'Thông báo lịch họp cha mẹ học sinh',
  'Kế hoạch kiểm tra cuối học kỳ',
  'Ngày hội đọc sách và văn hóa đọc',
];

/** The site's HTML pages: the home page, the menu's section pages and the news articles (20 in all). */
export const SECTIONS: readonly { path: string; title: string; sub?: readonly { path: string; title: string }[] }[] = [
  { path: '/gioi-thieu/', title: 'Giới thiệu', sub: [{ path: '/gioi-thieu/co-cau-to-chuc.html', title: 'Cơ cấu tổ chức' }] },
  { path: '/tin-tuc/', title: 'Tin tức - Sự kiện', sub: [{ path: '/thong-bao/', title: 'Thông báo' }] },
  { path: '/cong-khai/', title: 'Công khai' },
  { path: '/thu-tuc-bieu-mau/', title: 'Thủ tục - Biểu mẫu' },
  { path: '/van-ban/', title: 'Văn bản' },
  { path: '/tuyen-sinh/', title: 'Tuyển sinh', sub: [{ path: '/tra-cuu/', title: 'Tra cứu kết quả' }] },
  { path: '/tai-nguyen/', title: 'Tài nguyên', sub: [{ path: '/thong-ke/', title: 'Thống kê' }] },
  { path: '/hoi-dap/', title: 'Hỏi đáp' },
  { path: '/lien-he/', title: 'Liên hệ' },
];
const SECTION_PAGES = SECTIONS.flatMap((s) => [{ path: s.path, title: s.title }, ...(s.sub ?? [])]);
const ARTICLES = 6;
const articlePath = (host: string, k: number): string => `/tin-tuc/bai-viet-${unitIndexOf(host) % 1000}-${k + 1}.html`;

/** Every HTML path of a site, home first (what the bare loop and the pipeline should both fetch). */
export function sitePaths(host: string): string[] {
  return ['/', ...SECTION_PAGES.map((s) => s.path), ...Array.from({ length: ARTICLES }, (_, k) => articlePath(host, k))];
}

const DAY_MS = 86_400_000;
const dmy = (d: Date): string =>
  `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

function sentence(r: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(r, WORDS));
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function paragraph(r: () => number, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(r, 12 + Math.floor(r() * 14)));
  return out.join(' ');
}

function head(host: string, title: string, r: () => number): string {
  const spec = unitSpec(unitIndexOf(host));
  // Portals inline a theme stylesheet and configuration scripts: a large share of a real page's bytes.
  const css = Array.from(
    { length: 160 },
    (_, i) => `.blk-${i}{margin:${i % 7}px ${i % 5}px;padding:${i % 3}px;color:#${(0x100000 + Math.floor(r() * 0xefffff)).toString(16)}}`,
  ).join('\n');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${title} - ${spec.name}</title>
<meta name="description" content="${spec.name} - ${title}">
<meta name="author" content="${spec.name}">
<meta name="generator" content="NukeViet v4.5">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="${title}">
<meta property="og:site_name" content="${spec.name}">
<link rel="shortcut icon" href="/favicon.ico">
<link rel="alternate" href="/tin-tuc/rss.xml" title="Tin tức" type="application/rss+xml">
<link rel="StyleSheet" href="/themes/default/css/style.css">
<style>
${css}
</style>
<script src="/assets/js/jquery/jquery.min.js"></script>
<script>var nv_base_siteurl="/",nv_lang_data="vi",nv_site_name="${host}",nv_my_ofs=7,nv_cookie_prefix="nv4c_${unitIndexOf(host)}";</script>
</head>`;
}

function menu(): string {
  const items = SECTIONS.map((s) => {
    if (!s.sub) return `<li><a href="${s.path}" title="${s.title}">${s.title}</a></li>`;
    const sub = s.sub.map((c) => `<li><a href="${c.path}" title="${c.title}">${c.title}</a></li>`).join('');
    return `<li class="dropdown"><a class="dropdown-toggle" href="${s.path}" title="${s.title}">${s.title} <strong class="caret">&nbsp;</strong></a><ul class="dropdown-menu">${sub}</ul></li>`;
  }).join('\n');
  return `<nav class="second-nav" id="menusite"><div class="container"><div class="navbar navbar-default" role="navigation"><div class="collapse navbar-collapse" id="menu-site-default">
<ul class="nav navbar-nav">
<li><a class="home" title="Trang nhất" href="/"><em class="fa fa-lg fa-home">&nbsp;</em><span class="visible-xs-inline-block"> Trang nhất</span></a></li>
${items}
</ul></div></div></div></nav>`;
}

/** A dated news list; the first item is recent so the freshness rules have something to judge. */
function newsList(host: string, r: () => number, items: number, cls: string): string {
  const out: string[] = [`<div class="${cls}"><h2 class="block-title">Tin tức - Sự kiện</h2>`];
  let at = Date.parse(AUDIT_NOW) - Math.floor(r() * 20) * DAY_MS;
  for (let i = 0; i < items; i++) {
    const title = `${pick(r, TITLES)} ${2026 - (i % 3)}-${2027 - (i % 3)}`;
    const href = articlePath(host, i % ARTICLES);
    out.push(`<div class="news-item clearfix">
<h3><a href="${href}" title="${title}">${title}</a></h3>
<div class="text-muted"><em class="fa fa-clock-o">&nbsp;</em> ${dmy(new Date(at))}</div>
<div class="summary"><a href="${href}"><img src="/uploads/news/thumb-${i + 1}.jpg" alt="${title}" width="120" height="80"></a><p>${paragraph(r, 3)}</p></div>
</div>`);
    at -= (1 + Math.floor(r() * 6)) * DAY_MS;
  }
  out.push('</div>');
  return out.join('\n');
}

function sidebar(host: string, r: () => number): string {
  const spec = unitSpec(unitIndexOf(host));
  const latest = Array.from({ length: ARTICLES }, (_, k) => `<li><a href="${articlePath(host, k)}">${pick(r, TITLES)}</a></li>`).join('');
  const neighbours = Array.from({ length: 12 }, (_, k) => {
    const n = (unitIndexOf(host) + k + 1) % 100_000;
    return `<li><a href="http://truong-${String(n).padStart(5, '0')}.bench.edu.vn/" target="_blank">Trường số ${n}</a></li>`;
  }).join('');
  const docs = Array.from(
    { length: 15 },
    (_, k) =>
      `<li><a href="/uploads/van-ban/cv-${k + 1}-${unitIndexOf(host) % 97}.pdf" title="${sentence(r, 8)}">Công văn số ${100 + k}/PGDĐT-TH</a> <span class="date">${dmy(new Date(Date.parse(AUDIT_NOW) - (k * 11 + 2) * DAY_MS))}</span></li>`,
  ).join('');
  const gallery = Array.from(
    { length: 20 },
    (_, k) =>
      `<a class="thumb" href="/uploads/album/anh-${k + 1}.jpg"><img src="/uploads/album/thumb-anh-${k + 1}.jpg" alt="Hoạt động ${k + 1}" width="90" height="60"></a>`,
  ).join('');
  const parent =
    spec.parent && spec.parentLink
      ? `<div class="parent-portal"><a href="${spec.parent}" target="_blank" title="${spec.parentName}"><img src="/uploads/banner/cong-cap-tren.png" alt="${spec.parentName}" width="260" height="70"></a></div>`
      : '';
  return `<div class="col-sm-8 col-md-6">
<div class="panel panel-primary"><div class="panel-heading">Tin mới</div><div class="panel-body"><ul class="latest">${latest}</ul></div></div>
<div class="panel panel-primary"><div class="panel-heading">Liên kết</div><div class="panel-body">${parent}
<ul class="links"><li><a href="https://moet.gov.vn" target="_blank">Bộ Giáo dục và Đào tạo</a></li>${neighbours}</ul></div></div>
<div class="panel panel-primary"><div class="panel-heading">Văn bản mới</div><div class="panel-body"><ul class="docs">${docs}</ul></div></div>
<div class="panel panel-primary"><div class="panel-heading">Thư viện ảnh</div><div class="panel-body gallery">${gallery}</div></div>
<div class="panel panel-primary"><div class="panel-heading">Thống kê truy cập</div><div class="panel-body"><p>Đang truy cập: ${1 + Math.floor(r() * 90)}</p><p>Tổng lượt truy cập: ${Math.floor(r() * 900_000)}</p></div></div>
</div>`;
}

function footer(host: string): string {
  const spec = unitSpec(unitIndexOf(host));
  const label = spec.emcLabel
    ? '<a href="https://emc.gov.vn" title="Hệ thống EMC" target="_blank"><img src="/images/emc-label.png" alt="Đã kết nối EMC" width="150" height="45"></a>'
    : '';
  const emc = spec.emcTag
    ? `<script type="text/javascript">var _govaq = window._govaq || []; _govaq.push(['trackPageView']); _govaq.push(['enableLinkTracking']); (function () { _govaq.push(['setTrackerUrl', 'https://f-emc.ngsp.gov.vn/tracking']); _govaq.push(['setSiteId', '${10_000 + unitIndexOf(host)}']); var d = document, g = d.createElement('script'), s = d.getElementsByTagName('script')[0]; g.type = 'text/javascript'; g.async = true; g.defer = true; g.src = 'https://f-emc.ngsp.gov.vn/embed/gov-tracking.min.js'; s.parentNode.insertBefore(g, s); })();</script>`
    : '';
  return `<footer id="footer" class="footer"><div class="container"><div class="row">
<div class="col-md-16"><ul class="company_info">
<li class="company_name"><strong>${spec.name.toUpperCase()}</strong></li>
<li>Địa chỉ: ${10 + (unitIndexOf(host) % 400)} Điện Biên Phủ, ${spec.district}, TP. Hồ Chí Minh</li>
<li>Điện thoại: <a href="tel:0283930${String(unitIndexOf(host) % 10_000).padStart(4, '0')}">028 3930 ${String(unitIndexOf(host) % 10_000).padStart(4, '0')}</a></li>
<li>Email: <a href="mailto:${host.split('.')[0]}@bench.edu.vn">${host.split('.')[0]}@bench.edu.vn</a></li>
<li>Chịu trách nhiệm nội dung: Hiệu trưởng Nguyễn Văn ${pick(rng(host), ['An', 'Bình', 'Cường', 'Dũng', 'Hà'])}</li>
</ul></div>
<div class="col-md-8 text-right">${label}
<div class="copyright">© Bản quyền thuộc về ${spec.name}. Powered by <a href="https://nukeviet.vn" target="_blank">NukeViet</a></div></div>
</div></div></footer>
</div></div>
<script src="/themes/default/js/main.js"></script>
${emc}
</body>
</html>`;
}

function body(host: string, path: string, title: string, r: () => number): string {
  if (path === '/')
    return `${newsList(host, r, 56, 'hot-news')}\n<div class="announcements"><h2 class="block-title">Thông báo</h2><ul>${Array.from({ length: 10 }, () => `<li>${sentence(r, 14)}</li>`).join('')}</ul></div>`;
  if (path.startsWith('/tin-tuc/bai-viet-')) {
    const date = dmy(new Date(Date.parse(AUDIT_NOW) - Math.floor(r() * 60) * DAY_MS));
    const paras = Array.from({ length: 80 }, () => `<p>${paragraph(r, 3)}</p>`).join('\n');
    return `<div class="news-detail"><h1>${title}</h1><div class="text-muted">Ngày đăng: ${date}</div>\n${paras}</div>`;
  }
  if (path === '/cong-khai/') {
    const rows = Array.from(
      { length: 30 },
      (_, i) =>
        `<tr><td>${i + 1}</td><td>${sentence(r, 10)}</td><td>${dmy(new Date(Date.parse(AUDIT_NOW) - (i * 9 + 3) * DAY_MS))}</td><td>Năm học 2026-2027</td></tr>`,
    ).join('\n');
    return `<h1>Công khai năm học 2026-2027</h1><table class="table">\n${rows}\n</table>\n${newsList(host, r, 36, 'news-list')}`;
  }
  return `<h1>${title}</h1>\n${newsList(host, r, 50, 'news-list')}`;
}

/** The HTML of one page, or undefined when the site has no such page (a 404). */
export function renderPage(rawHost: string, path: string): string | undefined {
  const host = hostOf(rawHost);
  const section = SECTION_PAGES.find((s) => s.path === path);
  const isArticle = !section && path !== '/' && sitePaths(host).includes(path);
  if (path !== '/' && !section && !isArticle) return undefined;
  const r = rng(`${host}${path}`);
  const spec = unitSpec(unitIndexOf(host));
  const title = path === '/' ? 'Trang chủ' : (section?.title ?? `${pick(r, TITLES)} ${2026}-${2027}`);
  return `${head(host, title, r)}
<body>
<div class="body-bg"><div class="wraper">
<header><div class="container"><div id="header" class="row">
<div class="logo"><a title="${spec.name}" href="/"><img src="/uploads/logo.png" width="80" height="80" alt="${spec.name}"></a>
<span class="site_name">${spec.name}</span><span class="site_description">Kỷ cương - Tình thương - Trách nhiệm</span></div>
<div class="headerSearch"><form action="/tim-kiem/" method="get"><input type="text" name="q" placeholder="Tìm kiếm..." aria-label="Tìm kiếm"><button type="submit" aria-label="Tìm kiếm">Tìm</button></form></div>
</div></div></header>
${menu()}
<section><div class="container" id="body"><div class="row">
<div class="col-sm-16 col-md-18">
${body(host, path, title, r)}
</div>
${sidebar(host, r)}
</div></div></section>
${footer(host)}`;
}

/** The news RSS feed, dated like the news list. */
export function renderFeed(rawHost: string): string {
  const host = hostOf(rawHost);
  const r = rng(`${host}/rss`);
  const items = Array.from({ length: ARTICLES }, (_, k) => {
    const d = new Date(Date.parse(AUDIT_NOW) - (k * 5 + 1) * DAY_MS).toUTCString();
    return `<item><title>${pick(r, TITLES)}</title><link>http://${host}${articlePath(host, k)}</link><pubDate>${d}</pubDate><description>${sentence(r, 20)}</description></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${unitSpec(unitIndexOf(host)).name}</title><link>http://${host}/</link><description>Tin tức</description>
${items}
</channel></rss>`;
}

export const ROBOTS = 'User-agent: *\nDisallow: /admin/\n';
export const MAIN_JS = '/* theme */\n$(function () { $(".dropdown-toggle").on("click", function () { $(this).next().toggle(); }); });\n';
