/**
 * The pages in a real browser (Debian's chromium through playwright-core) against the real
 * server on a loopback port and a results folder made by the CLI. Skipped only when chromium is
 * not installed (.ci/run installs it).
 */
import { existsSync, rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/index.ts';
import { COMPARE_ID, RUN_ID, makeResults } from '../server/fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// vitest's skipIf takes no reason: a skipped test says why in its name.
const skipped = hasChromium ? '' : ` (skipped: ${CHROMIUM} is not installed)`;

let dir: string;
let app: FastifyInstance;
let browser: Browser;
let origin: string;

/** Opens `path` and collects console errors and uncaught exceptions while the test uses the page. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}${path}`);
  return { page, errors };
}

/**
 * Non-white pixels of the map canvas, and a cheap fingerprint of what is drawn. Browser-side code
 * is passed as text: the project compiles without the DOM library. (evaluate runs it through the
 * debugging protocol; the pages' Content-Security-Policy forbids eval, so no string predicates.)
 */
function canvasInk(page: Page): Promise<{ ink: number; hash: number }> {
  return page.evaluate(`(() => {
    const canvas = document.getElementById('map');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) ink++;
      hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) | 0;
    }
    return { ink, hash };
  })()`);
}

describe('web pages', () => {
  beforeAll(async () => {
    if (!hasChromium) return;
    dir = await makeResults();
    app = buildApp({ resultsDir: dir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!hasChromium)(`the home page lists the run and the comparison, each linked to its page${skipped}`, async () => {
    const { page, errors } = await open('/');
    await page.waitForSelector('#results-table');
    const run = page.locator(`tr[data-id="${RUN_ID}"]`);
    await expect(run.locator('a').getAttribute('href')).resolves.toBe(`/run.html?id=${RUN_ID}`);
    expect(await run.textContent()).toContain('2 seeds');
    const compare = page.locator(`tr[data-id="${COMPARE_ID}"]`);
    await expect(compare.locator('a').getAttribute('href')).resolves.toBe(`/compare.html?id=${COMPARE_ID}`);
    expect(await compare.textContent()).toContain('18 runs');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!hasChromium)(`the comparison page shows the options × metrics table, a forest plot per metric, win rates and robustness${skipped}`, async () => {
    const { page, errors } = await open(`/compare.html?id=${COMPARE_ID}`);
    await page.waitForSelector('body[data-ready=true]');
    const table = page.locator('#options-table');
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/small-baseline.*\[/);
    const metrics = await table.locator('thead th').count();
    const figures = page.locator('#forest figure svg');
    expect(await figures.count()).toBe(metrics - 1);
    // One option against the baseline: one interval and one dot per metric.
    expect(await page.locator('#forest g.forest-row').count()).toBe(metrics - 1);
    expect(await page.locator('#forest g.forest-row circle').count()).toBe(metrics - 1);
    expect(await page.locator('#wins-table tbody tr').textContent()).toMatch(/%\s*\[/);
    expect(await page.locator('#robustness-table tbody tr').count()).toBe(2);
    await page.selectOption('#robustness-metric', 'fighters');
    expect(await page.locator('#robustness').textContent()).toContain('armed group fighters');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!hasChromium)(`the run page draws the map, the slider and play change the week drawn, and charts and matrices appear${skipped}`, async () => {
    const { page, errors } = await open(`/run.html?id=${RUN_ID}`);
    await page.waitForSelector('body[data-ready=true]', { timeout: 30_000 });
    const canvas = page.locator('#map');
    expect(await canvas.getAttribute('data-tick')).toBe('0');
    expect(await page.locator('#date').textContent()).toContain('2012-01-02');
    const first = await canvasInk(page);
    expect(first.ink).toBeGreaterThan(10_000);

    await page.locator('#tick').fill('20');
    expect(await canvas.getAttribute('data-tick')).toBe('20');
    expect(await page.locator('#date').textContent()).toContain('week 20 · 2012-05-21');
    expect((await canvasInk(page)).hash).not.toBe(first.hash);

    await page.selectOption('#layer', 'presence');
    expect(await canvas.getAttribute('data-layer')).toBe('presence');
    await page.click('#play');
    await expect.poll(() => canvas.getAttribute('data-tick'), { timeout: 5000 }).not.toBe('20');
    await page.click('#play');

    await page.selectOption('#seed', '2');
    await expect.poll(() => page.locator('#tick').isDisabled(), { timeout: 20_000 }).toBe(false);
    expect(await page.locator('#map-status').textContent()).toBe('');

    // The page is ready once every chart is drawn: one uPlot per metric of the run.
    expect(await page.locator('#charts .uplot').count()).toBe(await page.locator('#charts figure').count());
    expect(await page.locator('#charts .uplot').count()).toBeGreaterThan(30);
    await page.locator('#seed-toggles input[data-seed="1"]').uncheck();
    expect(await page.locator('#trust-table tbody tr').count()).toBe(4);
    expect(await page.locator('#displacement-table').textContent()).toContain('LBY');
    expect(errors).toEqual([]);
    await page.close();
  });
});
