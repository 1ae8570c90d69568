// The link API the crawler and the rules import, in one place. Each job lives in its own module: navigation.ts (where
// a page's menus are) with nav-fallback.ts, page-links.ts (the link lists), placeholder-links.ts (links that lead
// nowhere), css-path.ts (selectors for evidence), resolve-href.ts (href → URL, cached per document).
export { cssPath } from './css-path.js';
export { isHttpUrl, resolveHref, resolveHrefIn } from './resolve-href.js';
export { navigationRegions, navigationRoots, namesMenu, type NavigationSource } from './navigation.js';
export { allLinks, contentLinks, footerLinks, linkElement, navigationLinks, type LinkSource, type PageLink } from './page-links.js';
export { isPlaceholderHref, isPostbackLink, samePage } from './placeholder-links.js';
