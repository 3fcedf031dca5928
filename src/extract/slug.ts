/** URL-safe ASCII words for ids and slugs: "Nur-Sultan" → "nur-sultan", "Brasília" → "brasilia". */
export function slugPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
