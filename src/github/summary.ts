/**
 * The job summary (GITHUB_STEP_SUMMARY): written on every run, first of all the publishing
 * steps, and kept under GitHub's 1 MiB per-step limit.
 */
import { appendFile } from 'node:fs/promises';

/** GitHub refuses a step summary above 1 MiB (1024 KiB); keep a margin for the footer. */
export const MAX_SUMMARY_BYTES = 1024 * 1024;

/** Cut text to at most maxBytes UTF-8 bytes, at a line end, with a note saying so. */
export function clipToBytes(text: string, maxBytes: number, note: string): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(`\n\n${note}\n`, 'utf8');
  let cut = Buffer.from(text, 'utf8').subarray(0, Math.max(0, budget)).toString('utf8');
  // A cut multi-byte character decodes as U+FFFD: drop it, then back up to a line end.
  cut = cut.replace(/\uFFFD$/, '');
  const nl = cut.lastIndexOf('\n');
  if (nl > budget / 2) cut = cut.slice(0, nl);
  return `${cut}\n\n${note}\n`;
}

export async function writeJobSummary(
  markdown: string,
  path: string | undefined = process.env.GITHUB_STEP_SUMMARY,
): Promise<boolean> {
  if (!path) return false;
  const text = clipToBytes(
    markdown,
    MAX_SUMMARY_BYTES - 1024,
    '_(summary cut at GitHub’s 1 MiB limit: the full report is in the artifact)_',
  );
  await appendFile(path, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
  return true;
}
