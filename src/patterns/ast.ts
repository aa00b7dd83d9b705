/**
 * The compiled form of an event pattern: what the validator produces and what the matcher,
 * the explanation, the lint, the filters and the generators consume. A pattern is an OR of
 * branches (one per `$or` alternative, expanded as a cross product); a branch is an AND of field
 * conditions; a condition is an OR of value matchers on one dot-joined path.
 */

/** A JSON number with the text it was written as (AWS compares some numbers by text, others by value). */
export interface NumberLiteral {
  /** The number as written in the JSON text, e.g. `3.0e2`. */
  readonly text: string;
  /** The IEEE-754 value of {@link NumberLiteral.text}. */
  readonly value: number;
  /**
   * Whether AWS compares this number by value: it is finite and its double equals the written
   * decimal exactly (`0.1` yes, `12345678901234567890` no). Non-comparable numbers in an exact list
   * match by text; in `numeric` or `anything-but` they are a pattern error.
   */
  readonly comparable: boolean;
}

/** An inclusive range of IP addresses as integers; IPv4 and IPv6 never match each other. */
export interface IpRange {
  readonly version: 4 | 6;
  readonly low: bigint;
  readonly high: bigint;
}

/** One bound of a numeric range. */
export interface NumericBound {
  readonly value: number;
  readonly inclusive: boolean;
}

/** What every value matcher of the pattern AST carries. */
export interface MatcherBase {
  /** The matcher as written in the pattern (`"x"`, `{ "prefix": "a" }` …), for explanations and lint. */
  readonly source: unknown;
}

/**
 * One alternative in a field's value array. `kind` names the operator family; every kind is
 * documented with the matching rule it stands for.
 */
export type ValueMatcher =
  /** An exact string, boolean or null; a string that is an IP literal also carries its one-address range. */
  | (MatcherBase & { readonly kind: 'equals'; readonly value: string | boolean | null; readonly ip?: IpRange })
  /** An exact number: by value when comparable, else by text. */
  | (MatcherBase & { readonly kind: 'equals-number'; readonly number: NumberLiteral })
  /** `{"exactly": "s"}`: the string, byte for byte, with no IP or number reading. */
  | (MatcherBase & { readonly kind: 'exactly'; readonly value: string })
  | (MatcherBase & { readonly kind: 'prefix'; readonly value: string; readonly ignoreCase: boolean })
  | (MatcherBase & { readonly kind: 'suffix'; readonly value: string; readonly ignoreCase: boolean })
  | (MatcherBase & { readonly kind: 'equals-ignore-case'; readonly value: string })
  /** `wildcard`: `segments` are the literal pieces between unescaped `*` (escapes resolved); `segments.length - 1` stars. */
  | (MatcherBase & { readonly kind: 'wildcard'; readonly value: string; readonly segments: readonly string[] })
  /** `anything-but` with values: all strings or all (comparable) numbers. */
  | (MatcherBase & {
      readonly kind: 'anything-but';
      readonly strings: readonly string[];
      readonly numbers: readonly NumberLiteral[];
    })
  | (MatcherBase & { readonly kind: 'anything-but-prefix'; readonly values: readonly string[] })
  | (MatcherBase & { readonly kind: 'anything-but-suffix'; readonly values: readonly string[] })
  | (MatcherBase & { readonly kind: 'anything-but-ignore-case'; readonly values: readonly string[] })
  | (MatcherBase & {
      readonly kind: 'anything-but-wildcard';
      readonly values: readonly string[];
      readonly segments: readonly (readonly string[])[];
    })
  /** `numeric`: `["=", n]` is both bounds inclusive at n. */
  | (MatcherBase & { readonly kind: 'numeric'; readonly lower?: NumericBound; readonly upper?: NumericBound })
  | (MatcherBase & { readonly kind: 'cidr'; readonly block: string; readonly range: IpRange })
  | (MatcherBase & { readonly kind: 'exists'; readonly value: boolean });

/** The operator families, for tables, lint and generators. */
export type MatcherKind = ValueMatcher['kind'];

/** A field of the pattern: its value matchers are ORed. */
export interface FieldCondition {
  /** The dot-joined path (`detail.state.status`), as the matcher compares it with the event's flattened paths. */
  readonly path: string;
  /** The keys as written in the pattern, before dot-joining (`["detail", "state.status"]`). */
  readonly keys: readonly string[];
  /** Alternatives; at least one. */
  readonly matchers: readonly ValueMatcher[];
}

/** One AND-group: every condition must hold, within one element of each event array they share. */
export interface PatternBranch {
  readonly conditions: readonly FieldCondition[];
}

/** A validated event pattern. */
export interface PatternAst {
  /** Alternatives after expanding `$or`; a pattern without `$or` has one branch. */
  readonly branches: readonly PatternBranch[];
  /** The pattern as a JSON text (the given text, or `JSON.stringify` of the given object). */
  readonly text: string;
  /**
   * Key paths where `$or` was read as a plain field name, because its value did not qualify as
   * AWS's OR primitive (not an array of two or more objects, or an object using a reserved name).
   */
  readonly orAsFieldName: readonly (readonly string[])[];
}
