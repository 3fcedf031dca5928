// The benchmark's articles are the same on every run: same count and seed, same bytes.
import { describe, expect, it } from 'vitest';
import { editedArticle, generateArticles } from '../../../src/bench/articles.ts';
import { loadKnowledgeFiles } from '../../../src/knowledge/load.ts';

const files = loadKnowledgeFiles('content');

describe('synthetic articles', () => {
  it('are deterministic for a count and a seed', () => {
    const a = generateArticles(files, { count: 300, seed: 7 });
    const b = generateArticles(files, { count: 300, seed: 7 });
    expect(b).toEqual(a);
    expect(generateArticles(files, { count: 300, seed: 8 })).not.toEqual(a);
  });

  it('come in every format, with unique ids in file order', () => {
    const articles = generateArticles(files, { count: 1000 });
    const kinds = new Set(articles.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(['copy', 'dateline', 'html', 'not-a-meeting', 'page', 'russian', 'second-report']);
    const ids = articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(articles.some((a) => a.sidecar !== null)).toBe(true);
  });

  it('name places and people from the knowledge files', () => {
    const [first] = generateArticles(files, { count: 1 });
    expect(files.places.some((p) => first!.text.includes(p.name))).toBe(true);
    expect(files.people.some((p) => first!.text.includes(p.name))).toBe(true);
  });

  it('change by one added sentence when edited', () => {
    const [article] = generateArticles(files, { count: 1 });
    const edited = editedArticle(article!);
    expect(edited.id).toBe(article!.id);
    expect(edited.text).not.toBe(article!.text);
    expect(edited.text.startsWith(article!.text.trimEnd())).toBe(true);
  });
});
