/** What a progress line shows: files done of the total, the rate, and the time left. */
export interface ProgressState {
  done: number;
  total: number;
  elapsedMs: number;
}

const BAR_WIDTH = 24;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  const whole = Math.ceil(seconds);
  return whole >= 60 ? `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}

/** `[#########---------------] 12000/45000 files  8,400 files/s  ETA 4s` */
export function formatProgress({ done, total, elapsedMs }: ProgressState): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * BAR_WIDTH);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? (total - done) / rate : Infinity;
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} files  ${Math.round(rate).toLocaleString('en-US')} files/s  ETA ${formatDuration(eta)}`;
}

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Erases the bar, so the result printed next starts on a clean line. */
  stop(): void;
}

/**
 * A one-line bar redrawn in place (carriage return, erase to the end of the line) at most every
 * `intervalMs`. The CLI creates it only when stderr is a terminal and neither `--quiet` nor
 * `--no-progress` was given: logs and pipes never see it.
 */
export function createProgressBar(write: (text: string) => void, options: { intervalMs?: number; now?: () => number } = {}): ProgressBar {
  const now = options.now ?? (() => performance.now());
  const intervalMs = options.intervalMs ?? 100;
  const start = now();
  let lastDraw = -Infinity;
  let isDrawn = false;
  return {
    update(done, total) {
      const time = now();
      if (time - lastDraw < intervalMs && done < total) return;
      lastDraw = time;
      isDrawn = true;
      write(`\r${formatProgress({ done, total, elapsedMs: time - start })}\u001b[K`);
    },
    stop() {
      if (isDrawn) write('\r\u001b[K');
      isDrawn = false;
    },
  };
}
