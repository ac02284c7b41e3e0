/**
 * The map of a run on a canvas: the grid's cells coloured by the chosen layer (control by whom,
 * state presence or armed groups' strength), country borders and coasts, smuggling routes, places,
 * and the bands as circles (area ∝ fighters), with longitude and latitude on the axes. The
 * projection is the grid's own (equirectangular, row 0 north), so cells are exact squares.
 * Data come from /geography and /frames (base64 typed arrays, see src/server/frames-worker.ts).
 */

export const SEA = '#d6e6f2';
export const LAND = '#f3efe4';
export const STATE = '#9bb7d4';
export const CONTESTED = '#f2c14e';
export const GROUP_COLOURS = ['#e15759', '#7b3294', '#9c755f', '#f28e2b', '#1b9e77', '#e7298a', '#666666', '#a6761d'];
const PRESENCE_TO = [43, 92, 138];
const STRENGTH_TO = [178, 24, 43];
const LAND_RGB = [243, 239, 228];

export function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const groupColour = (g) => GROUP_COLOURS[g % GROUP_COLOURS.length];

function mix(to, share) {
  const c = LAND_RGB.map((from, k) => Math.round(from + (to[k] - from) * share));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** Axis ticks in whole degrees, 2, 5 or 10 apart. */
function degreeTicks(min, max) {
  const span = max - min;
  const step = span > 40 ? 10 : span > 12 ? 5 : 2;
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max; v += step) ticks.push(v);
  return ticks;
}

const lonLabel = (v) => (v === 0 ? '0°' : `${Math.abs(v)}°${v < 0 ? 'W' : 'E'}`);
const latLabel = (v) => (v === 0 ? '0°' : `${Math.abs(v)}°${v < 0 ? 'S' : 'N'}`);

export class RegionMap {
  constructor(canvas, geography, { maxWidth = 920, maxHeight = 620 } = {}) {
    this.canvas = canvas;
    this.map = geography.map;
    const { grid } = this.map;
    this.region = decodeBase64(this.map.region);
    this.margin = { left: 46, right: 10, top: 10, bottom: 28 };
    this.cell = Math.max(2, Math.floor(Math.min(maxWidth / grid.width, maxHeight / grid.height)));
    const width = this.margin.left + grid.width * this.cell + this.margin.right;
    const height = this.margin.top + grid.height * this.cell + this.margin.bottom;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    this.context = canvas.getContext('2d');
    this.context.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.frames = undefined;
  }

  x(lon) {
    const { grid } = this.map;
    return this.margin.left + ((lon - grid.lonMin) / grid.resolution) * this.cell;
  }

  y(lat) {
    const { grid } = this.map;
    return this.margin.top + ((grid.latMax - lat) / grid.resolution) * this.cell;
  }

  /** Takes a /frames response (one seed's every tick). */
  setFrames(frames) {
    const layers = {};
    for (const [name, text] of Object.entries(frames.layers)) layers[name] = decodeBase64(text);
    const pointBytes = decodeBase64(frames.points);
    const offsetBytes = decodeBase64(frames.pointOffsets);
    this.frames = {
      count: frames.frames,
      cells: frames.cells,
      dates: frames.dates,
      layers,
      points: new Float32Array(pointBytes.buffer, 0, pointBytes.byteLength / 4),
      offsets: new Uint32Array(offsetBytes.buffer, 0, offsetBytes.byteLength / 4),
    };
  }

  /** The bands of a tick as { cell, group, fighters }. */
  bands(tick) {
    const f = this.frames;
    const out = [];
    for (let k = f.offsets[tick]; k + 2 < f.offsets[tick + 1]; k += 3) out.push({ cell: f.points[k], group: f.points[k + 1], fighters: f.points[k + 2] });
    return out;
  }

  cellColour(layer, value, region) {
    if (region === 0) return SEA;
    if (layer === 'control') {
      if (value === 0) return LAND;
      if (value === 255) return STATE;
      if (value === 254) return CONTESTED;
      return groupColour(value - 1);
    }
    if (value === 0) return LAND;
    return mix(layer === 'presence' ? PRESENCE_TO : STRENGTH_TO, value / 255);
  }

  draw(tick, layer) {
    const ctx = this.context;
    const { grid } = this.map;
    const { left, top } = this.margin;
    const w = grid.width * this.cell;
    const h = grid.height * this.cell;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    const values = this.frames?.layers[layer];
    const cells = grid.width * grid.height;
    for (let c = 0; c < cells; c++) {
      const v = values ? values[tick * cells + c] : 0;
      ctx.fillStyle = this.cellColour(layer, v, this.region[c]);
      ctx.fillRect(left + (c % grid.width) * this.cell, top + Math.floor(c / grid.width) * this.cell, this.cell, this.cell);
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, w, h);
    ctx.clip();
    this.drawLines();
    this.drawPlaces();
    if (this.frames) this.drawBands(tick);
    ctx.restore();
    this.drawAxes(w, h);
    this.canvas.dataset.tick = String(tick);
    this.canvas.dataset.layer = layer;
  }

  drawLines() {
    const ctx = this.context;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#4d4d4d';
    ctx.lineWidth = 0.9;
    for (const line of this.map.borders) {
      ctx.beginPath();
      line.forEach(([lon, lat], k) => (k === 0 ? ctx.moveTo(this.x(lon), this.y(lat)) : ctx.lineTo(this.x(lon), this.y(lat))));
      ctx.stroke();
    }
    ctx.strokeStyle = '#7a5c2e';
    ctx.lineWidth = 1.6;
    ctx.setLineDash([5, 4]);
    for (const route of this.map.routes) {
      ctx.beginPath();
      route.points.forEach(([lon, lat], k) => (k === 0 ? ctx.moveTo(this.x(lon), this.y(lat)) : ctx.lineTo(this.x(lon), this.y(lat))));
      ctx.stroke();
    }
    ctx.setLineDash([]);
  }

  drawPlaces() {
    const ctx = this.context;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    for (const place of this.map.places) {
      const px = this.x(place.lon);
      const py = this.y(place.lat);
      ctx.fillStyle = '#111';
      if (place.kind === 'capital') ctx.fillRect(px - 3.5, py - 3.5, 7, 7);
      else if (place.kind === 'site') {
        ctx.beginPath();
        ctx.moveTo(px, py - 4.5);
        ctx.lineTo(px + 4.5, py + 3.5);
        ctx.lineTo(px - 4.5, py + 3.5);
        ctx.closePath();
        ctx.fill();
      } else {
        ctx.beginPath();
        ctx.arc(px, py, 2.8, 0, 2 * Math.PI);
        ctx.fill();
      }
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.85)';
      ctx.strokeText(place.name, px + 6, py);
      ctx.fillText(place.name, px + 6, py);
    }
  }

  drawBands(tick) {
    const ctx = this.context;
    const { grid } = this.map;
    for (const band of this.bands(tick)) {
      const px = this.margin.left + ((band.cell % grid.width) + 0.5) * this.cell;
      const py = this.margin.top + (Math.floor(band.cell / grid.width) + 0.5) * this.cell;
      const r = Math.min(3 * this.cell, 2 + Math.sqrt(Math.max(0, band.fighters)) / 2.5);
      ctx.beginPath();
      ctx.arc(px, py, r, 0, 2 * Math.PI);
      ctx.globalAlpha = 0.75;
      ctx.fillStyle = groupColour(band.group);
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.lineWidth = 1.2;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    }
  }

  drawAxes(w, h) {
    const ctx = this.context;
    const { grid } = this.map;
    const { left, top } = this.margin;
    ctx.strokeStyle = '#333';
    ctx.lineWidth = 1;
    ctx.strokeRect(left + 0.5, top + 0.5, w, h);
    ctx.fillStyle = '#333';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const lon of degreeTicks(grid.lonMin, grid.lonMax)) {
      const px = this.x(lon);
      ctx.beginPath();
      ctx.moveTo(px, top + h);
      ctx.lineTo(px, top + h + 4);
      ctx.stroke();
      ctx.fillText(lonLabel(lon), px, top + h + 6);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const lat of degreeTicks(grid.latMin, grid.latMax)) {
      const py = this.y(lat);
      ctx.beginPath();
      ctx.moveTo(left - 4, py);
      ctx.lineTo(left, py);
      ctx.stroke();
      ctx.fillText(latLabel(lat), left - 6, py);
    }
    ctx.textAlign = 'left';
  }
}
