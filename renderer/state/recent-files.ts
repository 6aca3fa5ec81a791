const KEY = 'bridgeflow.recentFiles';
const LIMIT = 10;

/** Recently opened or saved flows, newest first (kept per browser profile / app install). */
export function recentFiles(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberRecent(path: string): void {
  const next = [path, ...recentFiles().filter((entry) => entry !== path)].slice(0, LIMIT);
  localStorage.setItem(KEY, JSON.stringify(next));
}
