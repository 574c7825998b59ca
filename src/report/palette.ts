/**
 * Series colours, shared by the SVG charts and the mermaid charts. They match the coloured
 * square emoji GitHub renders, so a Markdown legend ("🟦 Host · 🟧 KVM") can name them.
 */
export const PALETTE = [
  '#55ACEE',
  '#F4900C',
  '#78B159',
  '#DD2E44',
  '#AA8ED6',
  '#A0522D',
  '#31373D',
  '#FDCB58',
];
export const SWATCHES = ['🟦', '🟧', '🟩', '🟥', '🟪', '🟫', '⬛', '🟨'];

export function colour(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}
