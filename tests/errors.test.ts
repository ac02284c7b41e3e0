import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors.ts';

describe('ERROR_CODES', () => {
  it('documents every code in the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const code of Object.keys(ERROR_CODES)) expect(readme, code).toContain(`\`${code}\``);
  });
});
