/**
 * The engine, analysis and report functions the action drives, gathered in one place so that
 * the action's modules depend on these signatures only.
 */
export { analyze } from '../analysis/index.js';
export type { Analysis, AnalyzeOptions } from '../analysis/index.js';
export { loadConfigFile } from '../config/load.js';
export type { Config } from '../config/schema.js';
export { runBench } from '../engine/run.js';
export { groupedReporter } from '../engine/reporter.js';
export { renderMarkdown } from '../report/index.js';
export { writeReports } from '../report/write.js';
