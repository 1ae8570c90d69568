// Pages of the rendering tests, written for them: a single-page site (an empty shell and a bundle that draws the
// menu, dated news, contacts and the EMC code), a page whose menu an inline script builds, and a tag manager that
// injects the EMC code.
import { html } from '../collect/servers.js';

export const EMC_HOSTS = ['f-emc.ngsp.gov.vn', 'ngsp.gov.vn'];

export const SPA_HOME = html('<div id="app"></div><noscript>Vui lòng bật JavaScript.</noscript><script src="/assets/app.js"></script>');

const emcSnippet = (siteId: string): string =>
  `var _govaq = window._govaq || []; _govaq.push(['trackPageView']); _govaq.push(['enableLinkTracking']);` +
  ` _govaq.push(['setTrackerUrl', 'https://f-emc.ngsp.gov.vn/tracking']); _govaq.push(['setSiteId', '${siteId}']);`;

export const SPA_APP_JS = `
(function () {
  var menu = [['Trang chủ', '/'], ['Giới thiệu', '/gioi-thieu'], ['Tin tức', '/tin-tuc'], ['Công khai', '/cong-khai'], ['Liên hệ', '/lien-he']];
  var news = [['Khai giảng năm học mới', '14/11/2026'], ['Hội thi giáo viên dạy giỏi', '10/11/2026'], ['Họp phụ huynh học kỳ I', '02/11/2026']];
  var app = document.getElementById('app');
  var nav = document.createElement('nav');
  nav.className = 'main-menu';
  var ul = document.createElement('ul');
  menu.forEach(function (m) { var li = document.createElement('li'); var a = document.createElement('a'); a.href = m[1]; a.textContent = m[0]; li.appendChild(a); ul.appendChild(li); });
  nav.appendChild(ul);
  app.appendChild(nav);
  var list = document.createElement('section');
  list.className = 'news';
  news.forEach(function (n) { var p = document.createElement('p'); p.innerHTML = '<a href="/tin-tuc/' + encodeURIComponent(n[0]) + '">' + n[0] + '</a> <time>' + n[1] + '</time>'; list.appendChild(p); });
  app.appendChild(list);
  var foot = document.createElement('footer');
  foot.textContent = 'Trường THCS Minh Họa — Địa chỉ: 12 Nguyễn Du, Quận 1 — Điện thoại: (028) 3822 0001 — Email: thcsminhhoa@hcm.edu.vn';
  app.appendChild(foot);
  var s = document.createElement('script');
  s.text = ${JSON.stringify(emcSnippet('40001'))};
  document.body.appendChild(s);
})();
`;

export const TAG_MANAGER_JS = `
(function () {
  var s = document.createElement('script');
  s.text = ${JSON.stringify(emcSnippet('40002'))};
  document.head.appendChild(s);
})();
`;

export const MENU_SCRIPT_HOME = html(`<header><div id="main-menu"></div></header>
  <p>${'Chào mừng quý phụ huynh và học sinh đến với trang thông tin điện tử của nhà trường. '.repeat(4)}</p>
  <script>
    var items = [{"t":"Giới thiệu","u":"/gioi-thieu"},{"t":"Tin tức","u":"/tin-tuc"},{"t":"Thủ tục hành chính","u":"/thu-tuc"},{"t":"Liên hệ","u":"/lien-he"}];
    var ul = document.createElement('ul');
    items.forEach(function (i) { var li = document.createElement('li'); li.innerHTML = '<a href="' + i.u + '">' + i.t + '</a>'; ul.appendChild(li); });
    document.getElementById('main-menu').appendChild(ul);
  </script>`);
