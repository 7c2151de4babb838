import type { Analysis } from '../types';

/** The JSON report of EVAL.md (schemaVersion 1): the Analysis itself, serialised. */
export function toReportJson(analysis: Analysis, pretty = false): string {
  return JSON.stringify(analysis, null, pretty ? 2 : undefined);
}
