// Sidecars of plain `key: value` lines are read without the YAML parser, to the same fields;
// anything YAML reads otherwise goes to the parser.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { plainFields } from '../../../src/convert/sidecar.ts';

const read = [
  'url: https://news.example.org/2022/a?c=d\noutlet: Agence France-Presse\npublished: 2022-08-05\n',
  'outlet: Xinhua\nlanguage: en',
  '\nretrieved: 2024-01-02\n\n',
  'outlet: МИД России\n',
  'outlet: Reuters (UK)\n',
  '',
];
const parsed = [
  'published: 2022\n', // a number
  'outlet: null\n',
  'outlet: true\n',
  'outlet: .inf\n',
  'outlet: 0x1F\n',
  'outlet: "quoted"\n',
  "outlet: 'single'\n",
  'outlet: a: b\n', // a nested mapping: an error
  'outlet: trailing:\n',
  'outlet: a #comment\n',
  'url: https://example.org/a#b\n', // any # goes to the parser
  'outlet: a\noutlet: b\n', // a duplicate key: an error
  '# comment\noutlet: a\n',
  'outlet: a\r\n',
  'outlet:  two spaces\n',
  'outlet: tab\there\n',
  '\uFEFFoutlet: a\n',
  'outlet: - dash\n',
  'outlet: |\n  block\n',
  '---\noutlet: a\n',
  '  outlet: indented\n',
];

describe('plain sidecars', () => {
  for (const text of read) {
    it(`reads ${JSON.stringify(text)} as YAML does`, () => expect(plainFields(text)).toEqual(parseYaml(text) ?? {}));
  }
  for (const text of parsed) {
    it(`leaves ${JSON.stringify(text)} to the parser`, () => expect(plainFields(text)).toBeNull());
  }
});
