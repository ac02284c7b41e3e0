/**
 * Reading scenario files: the only file I/O of the scenario layer. A file is parsed as YAML 1.2
 * (which also reads JSON) into a document that keeps source positions, so that any problem found
 * later — by the schema, by an override, by a model's own checks — can be reported with the file,
 * line and column where it sits.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { SimError, type InputIssue } from '../errors.ts';

export interface ScenarioSource {
  readonly file: string;
  readonly data: Record<string, unknown>;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

export function readScenarioSource(file: string): ScenarioSource {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new SimError('SIM_ERR_SCENARIO_READ', `cannot read scenario ${file}: ${reason}`, [{ file, message: reason }]);
  }
  return parseScenarioText(text, file);
}

export function parseScenarioText(text: string, file: string): ScenarioSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues: InputIssue[] = doc.errors.slice(0, 5).map((e) => {
      const at = e.linePos?.[0];
      return { file, line: at?.line, column: at?.col, message: e.message.split('\n')[0] ?? e.message };
    });
    throw new SimError('SIM_ERR_SCENARIO_PARSE', `${file} is not valid YAML or JSON`, issues);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SimError('SIM_ERR_SCENARIO_INVALID', `${file} must hold a mapping of keys to values`, [
      { file, line: 1, column: 1, message: 'expected a mapping (key: value lines) at the top level' },
    ]);
  }
  return { file, data: data as Record<string, unknown>, doc, lines };
}

/**
 * Where `path` sits in the source: the key of its deepest segment present in the file. Returns
 * whether the whole path was found, so callers can prefer the file that actually defines it.
 */
export function locate(source: ScenarioSource, path: readonly string[]): { line: number; column: number; exact: boolean } {
  let node: Node | null | undefined = source.doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  let depth = 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)] as Node | undefined;
      if (item === undefined) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  const { line, col } = source.lines.linePos(offset);
  return { line, column: col, exact: depth === path.length };
}
