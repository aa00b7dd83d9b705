/**
 * A validated pattern prepared for matching: compiled branches and the event paths they look at
 * (the only parts of an event the walk visits). Shared by the single-pattern API, the explanation
 * and the rule sets.
 */
import type { PatternAst } from './ast.js';
import { selectPaths, type FlatEvent, type PathSelection } from './flatten.js';
import { branchMatches, compileBranch, type CompiledBranch } from './match.js';

/** What the engine keeps beside a compiled pattern. */
export interface PatternPlan {
  readonly branches: readonly CompiledBranch[];
  readonly selection: PathSelection;
}

/** Builds the plan of a validated pattern. */
export function planPattern(ast: PatternAst): PatternPlan {
  const paths = new Set<string>();
  for (const branch of ast.branches) for (const condition of branch.conditions) paths.add(condition.path);
  return { branches: ast.branches.map(compileBranch), selection: selectPaths(paths) };
}

/** Whether some branch of a plan holds for a flattened event. */
export function planMatches(plan: PatternPlan, event: FlatEvent): boolean {
  for (const branch of plan.branches) if (branchMatches(branch, event)) return true;
  return false;
}
