/** Placeholder until the run command lands. */
export async function runCommand(_args: string[]): Promise<number> {
  process.stderr.write('run: not implemented yet\n');
  return 2;
}
