// A PostCSS plugin for the Vite builds: React Flow's stylesheet is scoped under `.ls-root`.
// Its own selectors are single classes (specificity 0,1,0): a host's CSS reset loaded after it
// (Tailwind's preflight `[type=button]`, 0,1,0) would win ties, and our scoped element reset
// (`.ls-root button`, 0,1,1; see src/app/styles.css) would beat it. Prefixed, they are 0,2,0
// like every rule of ours, and they no longer reach React Flow instances outside this app.
import type { Plugin, Rule } from 'postcss';

const SCOPED_FILES = /@xyflow[\\/]react[\\/]dist[\\/]style\.css$/;

function insideKeyframes(rule: Rule): boolean {
  const parent = rule.parent;
  return parent?.type === 'atrule' && /keyframes$/i.test((parent as unknown as { name: string }).name);
}

export function scopeThirdPartyCss(scope = '.ls-root'): Plugin {
  return {
    postcssPlugin: 'lineage-studio-scope',
    Rule(rule) {
      const file = rule.source?.input.file ?? '';
      if (!SCOPED_FILES.test(file) || insideKeyframes(rule)) return;
      rule.selectors = rule.selectors.map((selector) => (selector.startsWith(scope) ? selector : `${scope} ${selector}`));
    },
  };
}
