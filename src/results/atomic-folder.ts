/**
 * Writing a result folder atomically: every file goes into a temporary sibling folder, which is
 * renamed into place only when complete. A crash leaves either the previous folder or the new
 * one, never a mix; a stale temporary folder is ignored and removed on the next write.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SimError } from '../errors.ts';

const MARKER = 'manifest.json';

function writeDurably(path: string, content: string): void {
  writeFileSync(path, content);
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** True when `dir` is missing, empty, or a result folder we may replace. */
export function isReplaceable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  const entries = readdirSync(dir);
  return entries.length === 0 || entries.includes(MARKER);
}

/**
 * Writes `files` (name → content) as the folder `target`, replacing a previous result folder.
 * Refuses to replace a folder that is not a result folder (no manifest.json): that is the user's
 * data, not ours.
 */
export function writeFolderAtomically(target: string, files: Readonly<Record<string, string>>): void {
  if (!isReplaceable(target)) {
    throw new SimError('SIM_ERR_OUTPUT_EXISTS', `${target} exists and is not a result folder (it has no ${MARKER}); choose another --out`, [
      { file: target, message: `exists and is not a result folder (no ${MARKER})` },
    ]);
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${process.hrtime.bigint().toString(36)}`;
  const temporary = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const previous = join(parent, `.${basename(target)}.old-${stamp}`);
  try {
    mkdirSync(temporary);
    // The manifest last: a folder with a manifest is complete.
    const names = Object.keys(files).sort((a, b) => Number(a === MARKER) - Number(b === MARKER));
    for (const name of names) writeDurably(join(temporary, name), files[name] as string);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    if (existsSync(previous) && !existsSync(target)) renameSync(previous, target);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
  removeStaleTemporaries(parent, basename(target));
}

function removeStaleTemporaries(parent: string, name: string): void {
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`.${name}.tmp-`) || entry.startsWith(`.${name}.old-`)) {
      rmSync(join(parent, entry), { recursive: true, force: true });
    }
  }
}
