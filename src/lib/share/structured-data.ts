/**
 * Structured data for search engines and link previews (JSON-LD, schema.org) and the web
 * app manifest. Pure functions: pages pass plain values, the layout writes the result in a
 * <script type="application/ld+json"> (data, never executed).
 */

export const THEME_COLOUR = '#0b6e4f';

type JsonLd = Record<string, unknown>;

/** HowTo for a lesson: its title, summary, steps in order, last update and preview image. */
export function howToJsonLd(lesson: { title: string; summary: string; url: string; image: string; updated: Date; minutes: number; steps: readonly string[]; lang?: string }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'HowTo',
    name: lesson.title,
    description: lesson.summary,
    url: lesson.url,
    image: lesson.image,
    inLanguage: lesson.lang ?? 'vi',
    dateModified: lesson.updated.toISOString().slice(0, 10),
    totalTime: `PT${lesson.minutes}M`,
    step: lesson.steps.map((text, index) => ({ '@type': 'HowToStep', position: index + 1, text })),
  };
}

/** NewsArticle for a news item, with its source as the publisher of the facts. */
export function newsArticleJsonLd(item: { title: string; summary: string; url: string; image: string; date: Date; source: string; places: readonly string[] }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.title,
    description: item.summary,
    url: item.url,
    image: [item.image],
    inLanguage: 'vi',
    datePublished: item.date.toISOString().slice(0, 10),
    isBasedOn: item.source,
    contentLocation: item.places.map((name) => ({ '@type': 'Place', name })),
  };
}

/** Place for a district, commune or village, with its parent and, if abolished, what it became. */
export function placeJsonLd(place: { name: string; url: string; description?: string | undefined; parent?: { name: string; url: string } | undefined; nowPartOf: ReadonlyArray<{ name: string; url: string }> }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Place',
    name: place.name,
    url: place.url,
    ...(place.description ? { description: place.description } : {}),
    ...(place.parent ? { containedInPlace: { '@type': 'Place', name: place.parent.name, url: place.parent.url } } : {}),
    ...(place.nowPartOf.length > 0 ? { isPartOf: place.nowPartOf.map((p) => ({ '@type': 'Place', name: p.name, url: p.url })) } : {}),
  };
}

/** JSON for inside <script type="application/ld+json">: "<" escaped so no text can close the element. */
export function jsonLdText(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** The web app manifest (manifest.webmanifest). */
export function webManifest(site: { name: string; shortName: string; description: string }): JsonLd {
  return {
    name: site.name,
    short_name: site.shortName,
    description: site.description,
    lang: 'vi',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOUR,
    icons: [192, 512].map((size) => ({ src: `/icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any maskable' })),
  };
}
