/**
 * Reads the knowledge files under content/ (the only I/O of the knowledge layer) and validates
 * each against its schema, naming file, line and field on failure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import {
  chromeSchema,
  countrySchema,
  languageSchema,
  outletSchema,
  overrideSchema,
  personSchema,
  placeSchema,
  referenceEventSchema,
  topicSchema,
} from './schema.ts';
import { compileKnowledge, type Knowledge, type KnowledgeFiles } from './index.ts';

export class KnowledgeFileError extends Error {}

/** Parse one YAML file and validate it; errors name `file:line` and the path of the bad field. */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    throw new KnowledgeFileError(`${file}:${pos.line}:${pos.col} yaml: ${e.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number] } | undefined;
  const pos = node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
  throw new KnowledgeFileError(
    `${file}:${pos.line}:${pos.col} knowledge/invalid: ${issue.path.join('.') || '(file)'}: ${issue.message}`,
  );
}

/** Check that ids are unique and cross-references (event → place, place → country) resolve. */
function checkReferences(files: KnowledgeFiles, dir: string): void {
  const unique = (file: string, ids: string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new KnowledgeFileError(`${join(dir, file)}: duplicate id "${id}"`);
      seen.add(id);
    }
  };
  unique('places.yaml', files.places.map((p) => p.id));
  unique('people.yaml', files.people.map((p) => p.id));
  unique('topics.yaml', files.topics.map((t) => t.slug));
  unique('events.yaml', files.events.map((e) => e.id));
  const countries = new Set(files.countries.map((c) => c.name));
  for (const place of files.places) {
    if (!countries.has(place.country))
      throw new KnowledgeFileError(`${join(dir, 'places.yaml')}: place "${place.id}" names unknown country "${place.country}"`);
  }
  const places = new Set(files.places.map((p) => p.id));
  for (const event of files.events) {
    if (!places.has(event.place))
      throw new KnowledgeFileError(`${join(dir, 'events.yaml')}: event "${event.id}" names unknown place "${event.place}"`);
  }
}

/** Load every knowledge file from a content directory. */
export function loadKnowledgeFiles(dir: string): KnowledgeFiles {
  const read = <S extends z.ZodType>(name: string, schema: S) => readYamlFile(join(dir, name), schema);
  const files: KnowledgeFiles = {
    countries: read('countries.yaml', z.array(countrySchema)),
    places: read('places.yaml', z.array(placeSchema)),
    people: read('people.yaml', z.array(personSchema)),
    topics: read('topics.yaml', z.array(topicSchema)),
    events: read('events.yaml', z.array(referenceEventSchema)),
    outlets: read('outlets.yaml', z.array(outletSchema)),
    languages: read('lexicon.yaml', z.array(languageSchema)),
    chrome: read('chrome.yaml', chromeSchema),
    overrides: read('overrides.yaml', z.array(overrideSchema)),
  };
  checkReferences(files, dir);
  return files;
}

export function loadKnowledge(dir: string): Knowledge {
  return compileKnowledge(loadKnowledgeFiles(dir));
}
