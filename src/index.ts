/**
 * The action's entry point (runs.main in action.yml). The first log line goes out before the
 * rest of the bundle is loaded (a dynamic import), so a person watching the step sees the
 * action start at once; bench/cold-start.ts measures the time to it.
 */
import { TOOL_VERSION } from './version.js';

process.stdout.write(`arm-virt-bench ${TOOL_VERSION}\n`);
const { main } = await import('./main.js');
await main();
