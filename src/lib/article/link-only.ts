/**
 * Whether a list item's rendered HTML is a single link and nothing else (optionally inside one
 * <p>, as in a loose Markdown list). Such a link stands on its own, so the page gives it a
 * 44 px touch target; a link inside a sentence keeps the height of its line.
 */
export function isLinkOnly(html: string): boolean {
  let inner = html.trim();
  const paragraph = /^<p>([\s\S]*)<\/p>$/.exec(inner);
  if (paragraph && !paragraph[1]!.includes('<p>')) inner = paragraph[1]!.trim();
  const link = /^<a\s[^>]*>([\s\S]*?)<\/a>$/.exec(inner);
  return !!link && !/<a[\s>]|<\/a>/.test(link[1]!);
}
