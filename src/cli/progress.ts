/**
 * Progress of a batch on stderr: a bar with rate and ETA redrawn in place on a terminal (at most
 * ten times a second), plain lines at every tenth of the way or every 15 s otherwise, so logs of
 * CI and queue workers stay readable.
 */
import type { BatchProgress } from '../experiment/index.ts';

export interface ProgressDisplay {
  update(progress: BatchProgress): void;
  /** Ends the display (clears the bar on a terminal). */
  end(): void;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

export function progressLine(p: BatchProgress, width = 24): string {
  const share = p.total > 0 ? p.done / p.total : 1;
  const filled = Math.round(share * width);
  const ran = p.done - p.skipped;
  const rate = p.elapsedMs > 0 ? (ran * 1000) / p.elapsedMs : 0;
  const parts = [
    `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`,
    `${p.done}/${p.total} runs`,
    `${Math.floor(share * 100)}%`,
    `${rate.toFixed(1)} runs/s`,
    `elapsed ${formatDuration(p.elapsedMs)}`,
    `ETA ${p.etaMs === undefined ? '?' : formatDuration(p.etaMs)}`,
  ];
  if (p.skipped > 0) parts.push(`${p.skipped} already stored`);
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  return parts.join('  ');
}

export function createProgressDisplay(stream: NodeJS.WriteStream, now: () => number = () => performance.now()): ProgressDisplay {
  let lastDraw = -Infinity;
  let lastTenth = -1;
  if (stream.isTTY) {
    return {
      update(p) {
        if (p.done < p.total && now() - lastDraw < 100) return;
        lastDraw = now();
        stream.write(`\r\x1b[K${progressLine(p)}`);
      },
      end: () => void stream.write('\r\x1b[K'),
    };
  }
  return {
    update(p) {
      const tenth = p.total > 0 ? Math.floor((10 * p.done) / p.total) : 10;
      if (tenth === lastTenth && now() - lastDraw < 15_000) return;
      lastTenth = tenth;
      lastDraw = now();
      stream.write(progressLine(p) + '\n');
    },
    end: () => {},
  };
}
