// The matching rules of the import, remembered per DQOps server in this browser: which connection
// a dbt database or an OpenLineage namespace is, and the table chosen for an ambiguous name.
import { NO_RULES, type MatchRules } from './model/match';

const KEY = 'lineage-studio.import-rules.';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked: rules last as long as the dialog
  }
}

const isTextMap = (value: unknown): value is Record<string, string> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

export function loadRules(server: string): MatchRules {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(KEY + server) ?? 'null');
    if (!value || typeof value !== 'object') return NO_RULES;
    const { spaces, choices } = value as Record<string, unknown>;
    return { spaces: isTextMap(spaces) ? spaces : {}, choices: isTextMap(choices) ? choices : {} };
  } catch {
    return NO_RULES;
  }
}

export function saveRules(server: string, rules: MatchRules): void {
  try {
    storage()?.setItem(KEY + server, JSON.stringify(rules));
  } catch {
    // quota or blocked storage: not remembered
  }
}
