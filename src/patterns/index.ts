/**
 * aws-event-kit/patterns: AWS's event-pattern language offline. The same engine serves EventBridge
 * rules, EventBridge Pipes filters, Lambda event-source-mapping filters and SNS filter policies:
 * validation with AWS's error messages, matching, explanations, lint. No fast-check here: the
 * generators (`eventMatching` …) live in `aws-event-kit/arbitraries`.
 * @packageDocumentation
 */
export { EventPatternError, EventPatternInputError, type PatternTextLocation } from './errors.js';
export {
  parseEventPattern,
  PATTERN_LIMITS,
  PATTERN_REASONS,
  PATTERN_UNVERIFIED_REASONS,
  type ParseOptions,
} from './parse.js';
export { compileEventPattern, matchesEventPattern, testEventPattern, type CompiledEventPattern } from './compile.js';
export { explainEventPattern, formatExplanation, type FieldExplanation, type PatternExplanation } from './explain.js';
export { compileEventPatterns, type EventPatternSet } from './ruleSet.js';
export {
  compileFilterCriteria,
  DEFAULT_MAX_FILTERS,
  FILTER_PATTERN_MAX_LENGTH,
  FILTER_SOURCE_NAMES,
  FILTER_SOURCES,
  filterBatch,
  FilterCriteriaError,
  matchesFilterCriteria,
  MAX_FILTERS_QUOTA,
  PIPES_POLLER_FIELDS,
  type CompiledFilterCriteria,
  type DroppedRecord,
  type Filter,
  type FilterCriteria,
  type FilterOptions,
  type FilterSource,
  type FilterSourceAlias,
  type FilterSourceName,
} from './filters.js';
export {
  compileFilterPolicy,
  filterPolicyCombinations,
  FilterPolicyError,
  matchesFilterPolicy,
  SNS_POLICY_MAX_BYTES,
  SNS_POLICY_MAX_COMBINATIONS,
  SNS_POLICY_MAX_KEYS,
  validateFilterPolicy,
  type CompiledFilterPolicy,
  type FilterPolicyApi,
  type FilterPolicyInfo,
  type FilterPolicyOptions,
  type FilterPolicyScope,
  type SnsFilterMessage,
  type SnsMessageAttribute,
} from './sns.js';
export {
  lintEventPattern,
  PATTERN_LINT_CODES,
  type PatternDiagnostic,
  type PatternLintCode,
  type PatternLintOptions,
} from './lint.js';
export { DOCS_BASE_URL } from '../_internals/docsUrl.js';
export type {
  FieldCondition,
  IpRange,
  MatcherBase,
  MatcherKind,
  NumberLiteral,
  NumericBound,
  PatternAst,
  PatternBranch,
  ValueMatcher,
} from './ast.js';
