/**
 * The result folders the server may read, and nothing else. An id is one folder name directly
 * inside the results folder: it must match a conservative pattern (no separators, no `%`, no
 * leading dot — so neither `..` nor a percent-encoding that survived decoding gets through), and
 * its real path (symlinks resolved) must sit directly inside the results folder's real path, so a
 * symlink pointing out is refused. Inside a folder only files named by the caller from a fixed set
 * are read, each checked the same way.
 *
 * Manifests are cached by (path, mtime, size): the home page lists every folder, and parsing a
 * comparison's manifest (its resolved scenarios) on every listing would dominate.
 */
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { HttpError, notFound } from './http-error.ts';

export type ResultKind = 'run' | 'batch' | 'compare' | 'sensitivity';
const KINDS: ReadonlySet<string> = new Set<ResultKind>(['run', 'batch', 'compare', 'sensitivity']);

/** A folder name we serve: letters, digits, `._-+` and spaces, not starting with a dot, at most 200 characters. */
export const ID_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9._+ -]{0,199}$';
const ID_REGEX = new RegExp(ID_PATTERN);

/** Bigger JSON or CSV files than this are refused rather than parsed into memory. */
export const MAX_TEXT_FILE_BYTES = 256 * 1024 * 1024;
/** At most this many folders are listed (newest first). */
export const MAX_LISTED = 1000;

export function isValidId(id: string): boolean {
  return ID_REGEX.test(id) && !id.endsWith(' ') && !id.endsWith('.');
}

export interface ResultFolder {
  readonly id: string;
  /** The folder's real path. */
  readonly dir: string;
  readonly kind: ResultKind;
  readonly manifest: Readonly<Record<string, unknown>>;
  /** Changes when the manifest does (the folder was rewritten): part of every cache key. */
  readonly stamp: string;
}

export interface ResultEntry {
  readonly id: string;
  readonly kind: ResultKind;
  readonly name: string;
  readonly scenarios: string[];
  readonly model: string | null;
  readonly createdAt: string | null;
  readonly status: string;
  readonly seeds: number | null;
  readonly runs: number | null;
  readonly ticks: number | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const asNumber = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** True when `path` is `parent` itself or below it (both real paths). */
function isInside(parent: string, path: string): boolean {
  const rel = relative(parent, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export class ResultsRoot {
  /** The results folder's real path. */
  readonly root: string;
  private readonly manifests = new Map<string, { stamp: string; kind: ResultKind; manifest: Record<string, unknown> }>();

  constructor(resultsDir: string) {
    try {
      this.root = realpathSync(resultsDir);
    } catch {
      throw new Error(`results folder ${resultsDir} does not exist`);
    }
    if (!statSync(this.root).isDirectory()) throw new Error(`results folder ${resultsDir} is not a folder`);
  }

  /** The result folder `id`, or an HttpError: 400 malformed id, 403 outside the results folder, 404 missing. */
  open(id: string): ResultFolder {
    if (!isValidId(id)) throw new HttpError(400, `malformed result id ${JSON.stringify(id.slice(0, 100))}`);
    let dir: string;
    try {
      dir = realpathSync(join(this.root, id));
    } catch {
      throw notFound(`no result folder ${id}`);
    }
    // Directly inside: a symlink to elsewhere (even to a deeper folder of the results) is refused.
    if (dirname(dir) !== this.root) throw new HttpError(403, `result folder ${id} is outside the results folder`);
    const found = this.readManifest(dir);
    if (!found) throw notFound(`no result folder ${id} (no readable manifest.json)`);
    return { id, dir, ...found };
  }

  /** The path of a named file of a folder, checked to be a regular file really inside it; undefined when absent. */
  file(folder: ResultFolder, name: string): string | undefined {
    let path: string;
    try {
      path = realpathSync(join(folder.dir, name));
    } catch {
      return undefined;
    }
    if (!isInside(folder.dir, path)) throw new HttpError(403, `${folder.id}/${name} points outside its folder`);
    return statSync(path).isFile() ? path : undefined;
  }

  /** A named text file of a folder (size-checked); 404 when absent. */
  readText(folder: ResultFolder, name: string): string {
    const path = this.file(folder, name);
    if (!path) throw notFound(`${folder.id} has no ${name}`);
    if (statSync(path).size > MAX_TEXT_FILE_BYTES) throw new HttpError(413, `${folder.id}/${name} is too large to serve`);
    return readFileSync(path, 'utf8');
  }

  /** Every result folder with a readable manifest, newest first; others are skipped. */
  list(): ResultEntry[] {
    const entries: ResultEntry[] = [];
    let names: string[];
    try {
      names = readdirSync(this.root);
    } catch {
      return [];
    }
    for (const id of names) {
      if (!isValidId(id)) continue;
      let folder: ResultFolder;
      try {
        folder = this.open(id);
      } catch {
        continue; // not a folder, no manifest, a symlink out: not a result we serve
      }
      entries.push(describe(folder));
    }
    entries.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.id.localeCompare(b.id));
    return entries.slice(0, MAX_LISTED);
  }

  private readManifest(dir: string): { stamp: string; kind: ResultKind; manifest: Record<string, unknown> } | undefined {
    const path = join(dir, 'manifest.json');
    let stamp: string;
    try {
      const real = realpathSync(path);
      if (!isInside(dir, real)) return undefined;
      const stat = statSync(real);
      if (!stat.isFile() || stat.size > MAX_TEXT_FILE_BYTES) return undefined;
      stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      return undefined;
    }
    const cached = this.manifests.get(dir);
    if (cached && cached.stamp === stamp) return cached;
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      return undefined;
    }
    if (!isRecord(manifest) || typeof manifest.kind !== 'string' || !KINDS.has(manifest.kind)) return undefined;
    const found = { stamp, kind: manifest.kind as ResultKind, manifest };
    this.manifests.set(dir, found);
    return found;
  }
}

/** The resolved scenarios a folder's runs come from: the run's own, or a batch's design. */
export function scenariosOf(folder: ResultFolder): Record<string, unknown>[] {
  if (folder.kind === 'run') return isRecord(folder.manifest.scenario) ? [folder.manifest.scenario] : [];
  const design = folder.manifest.design;
  if (!isRecord(design) || !Array.isArray(design.scenariosResolved)) return [];
  return design.scenariosResolved.filter(isRecord);
}

/** The date of tick 0 of a scenario (`params.start`), when it has one. */
export function startOf(scenario: Record<string, unknown> | undefined): string | undefined {
  const params = scenario?.params;
  return isRecord(params) && typeof params.start === 'string' ? params.start : undefined;
}

function describe(folder: ResultFolder): ResultEntry {
  const m = folder.manifest;
  const scenarios = scenariosOf(folder);
  const design = isRecord(m.design) ? m.design : {};
  const names = Array.isArray(design.optionNames)
    ? design.optionNames.filter((n): n is string => typeof n === 'string')
    : scenarios.map((s) => asString(s.name) ?? '?');
  const runs = isRecord(m.runs) ? asNumber(m.runs.planned) : null;
  let seeds: number | null = null;
  if (Array.isArray(m.seeds)) seeds = m.seeds.length;
  else if (Array.isArray(design.seeds)) seeds = design.seeds.length;
  else seeds = asNumber(design.replications);
  return {
    id: folder.id,
    kind: folder.kind,
    name: names[0] ?? folder.id,
    scenarios: names,
    model: asString(m.model) ?? asString(scenarios[0]?.model) ?? null,
    createdAt: asString(m.createdAt),
    status: folder.kind === 'run' ? 'complete' : (asString(m.status) ?? 'unknown'),
    seeds,
    runs: folder.kind === 'run' ? seeds : runs,
    ticks: asNumber(m.ticks) ?? asNumber(scenarios[0]?.ticks),
  };
}
