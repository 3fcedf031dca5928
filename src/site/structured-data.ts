/** schema.org JSON-LD for a meeting, and a safe way to put JSON inside a <script> element. Pure. */
import type { Meeting } from '../schema/meeting.ts';
import { webUrl } from './paths.ts';

export function meetingJsonLd(m: Meeting, url: string): Record<string, unknown> {
  const place = m.location.city || m.location.country
    ? {
        '@type': 'Place',
        name: [m.location.city, m.location.country].filter(Boolean).join(', '),
        address: { '@type': 'PostalAddress', ...(m.location.city ? { addressLocality: m.location.city } : {}), ...(m.location.country ? { addressCountry: m.location.country } : {}) },
      }
    : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: m.title,
    url,
    description: m.summary,
    ...(m.date ? { startDate: m.date } : {}),
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(place ? { location: place } : {}),
    ...(m.occasion ? { superEvent: { '@type': 'Event', name: m.occasion } } : {}),
    attendee: m.participants.map((p) => ({
      '@type': 'Person',
      name: p.name,
      ...(p.role ? { jobTitle: p.role } : {}),
      ...(p.country ? { affiliation: { '@type': 'Country', name: p.country } } : {}),
    })),
    subjectOf: m.sources.map((s) => {
      const link = webUrl(s.url);
      return {
        '@type': 'NewsArticle',
        ...(s.headline ? { headline: s.headline } : {}),
        ...(s.outlet ? { publisher: { '@type': 'Organization', name: s.outlet } } : {}),
        ...(link ? { url: link } : {}),
        ...(s.published ? { datePublished: s.published } : {}),
      };
    }),
  };
}

/**
 * JSON for an inline <script type="application/ld+json">: "<", ">", "&" and the JavaScript line
 * separators are escaped, so no text in the record can close the element or start markup.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
