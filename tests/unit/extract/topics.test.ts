import { describe, expect, it } from 'vitest';
import { readReport } from '../../../src/extract/index.ts';
import { findTopics } from '../../../src/extract/topics.ts';
import { projectKnowledge } from './fixtures.ts';

const topics = (text: string) => [...new Set(findTopics(readReport('x', text, projectKnowledge()), projectKnowledge()).map((t) => t.topic))].sort();

describe('findTopics', { timeout: 60_000 }, () => {
  const rows: [string, string[]][] = [
    ['They discussed the situation in Afghanistan and the JCPOA.', ['afghanistan', 'iran-nuclear']],
    ['Cooperation within the SCO, BRICS and the UN was reviewed.', ['brics', 'sco', 'united-nations']],
    ['They praised Asia-Pacific Economic Cooperation.', ['apec']],
    ['They upheld the ASEAN-centric security framework.', ['asia-pacific']], // the longer cue claims the words
    ['Состоялся обмен мнениями по ситуации вокруг Украины и в АТР.', ['asia-pacific', 'ukraine']],
    ['Стороны обсудили евразийскую безопасность и сотрудничество в ШОС.', ['eurasian-security', 'sco']],
    ['They condemned unilateral sanctions and called for a multipolar world.', ['multipolar-world', 'unilateralism']],
    // negative cases: whole words only, capitals-only cues in capitals only
    ['Moscow and Beijing agreed; the UNESCO office was closed.', []],
    ['The un-named official spoke to the press.', []],
    ['The Ukrainian-born pianist played Scarlatti in Gazaland.', []],
  ];
  for (const [text, expected] of rows) it(text, () => expect(topics(text)).toEqual(expected));

  it('keeps the sentence and the cue of each hit', () => {
    const hits = findTopics(readReport('x', 'Intro line of the page.\n\nThe ministers discussed the Korean Peninsula at length.', projectKnowledge()), projectKnowledge());
    expect(hits).toEqual([{ topic: 'korean-peninsula', cue: 'Korean Peninsula', line: 3, text: 'The ministers discussed the Korean Peninsula at length.' }]);
  });

  it('ignores page furniture', () => {
    expect(topics('The ministers met in Goa and talked for an hour about everything.\n\nAlso Read: Taiwan braces for typhoon')).toEqual([]);
  });
});
