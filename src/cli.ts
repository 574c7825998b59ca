/**
 * The CLI: the same engine as the action, no GitHub. Each subcommand lives in
 * src/cli/<name>.ts and returns its exit code.
 */
import { runCli } from './cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
