/** Placeholder until the report command lands. */
export async function reportCommand(_args: string[]): Promise<number> {
  process.stderr.write('report: not implemented yet\n');
  return 2;
}
