import type { Analysis } from '../analysis/types.js';

export interface WriteReportsResult {
  markdownPath: string;
  htmlPath: string;
  csvPath: string;
  analysisPath: string;
  analysis: Analysis;
}
