// The matching rules of the import, remembered per DQOps server in this browser: which connection
// a dbt database or an OpenLineage namespace is, and the table chosen for an ambiguous name.
import { isTextMap, readStoredJson, writeStoredJson } from '@/lib/stored-json';
import { NO_RULES, type MatchRules } from './model/match';

const KEY = 'lineage-studio.import-rules.';

export function loadRules(server: string): MatchRules {
  const value = readStoredJson(KEY + server);
  if (!value || typeof value !== 'object') return NO_RULES;
  const { spaces, choices } = value as Record<string, unknown>;
  return { spaces: isTextMap(spaces) ? spaces : {}, choices: isTextMap(choices) ? choices : {} };
}

export function saveRules(server: string, rules: MatchRules): void {
  writeStoredJson(KEY + server, rules);
}
