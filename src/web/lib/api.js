/** The server's JSON API (src/server). Errors come back as `{ error, message }`: thrown as Error(message). */

export async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`${path}: ${response.status} ${response.statusText}`);
  }
  if (!response.ok) throw new Error(body && typeof body.message === 'string' ? body.message : `${path}: ${response.status}`);
  return body;
}

const base = (id) => `/api/results/${encodeURIComponent(id)}`;

export const api = {
  list: () => getJson('/api/results'),
  manifest: (id) => getJson(`${base(id)}/manifest`),
  compare: (id) => getJson(`${base(id)}/compare`),
  summary: (id, query = {}) => getJson(`${base(id)}/summary?${new URLSearchParams(query)}`),
  table: (id, name, query = {}) => getJson(`${base(id)}/tables/${encodeURIComponent(name)}?${new URLSearchParams({ limit: '10000', ...query })}`),
  series: (id, query) => getJson(`${base(id)}/series?${new URLSearchParams(query)}`),
  geography: (id) => getJson(`${base(id)}/geography`),
  frames: (id, seed) => getJson(`${base(id)}/frames?${new URLSearchParams({ seed: String(seed) })}`),
};

/** Runs `work` over `items` with at most `limit` in flight (a page of charts should not open 40 requests at once). */
export async function inBatches(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      results[k] = await work(items[k], k);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
