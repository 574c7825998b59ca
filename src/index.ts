/** The action's entry point (runs.main in action.yml). */
import { main } from './main.js';

await main();
