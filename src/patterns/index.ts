/**
 * aws-event-kit/patterns: AWS's event-pattern language offline. The same engine serves EventBridge
 * rules, EventBridge Pipes filters, Lambda event-source-mapping filters and SNS filter policies:
 * validation with AWS's error messages, matching, explanations, lint. No fast-check here: the
 * generators (`eventMatching` …) live in `aws-event-kit/arbitraries`.
 * @packageDocumentation
 */
export type { FieldCondition, IpRange, MatcherKind, NumberLiteral, NumericBound, PatternAst, PatternBranch, ValueMatcher } from './ast.js';
