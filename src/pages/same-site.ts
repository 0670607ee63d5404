/** The site a host belongs to: its last two labels (`www.news.example` → `news.example`). */
export function siteOf(hostname: string): string {
  return hostname.split(".").slice(-2).join(".");
}

/** Whether a link (absolute, or relative to the page) leads to the page's own site. */
export function isSameSite(href: string, pageUrl: string): boolean {
  try {
    return siteOf(new URL(href, pageUrl).hostname) === siteOf(new URL(pageUrl).hostname);
  } catch {
    return false;
  }
}
