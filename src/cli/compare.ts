/** Placeholder until the compare command lands. */
export async function compareCommand(_args: string[]): Promise<number> {
  process.stderr.write('compare: not implemented yet\n');
  return 2;
}
