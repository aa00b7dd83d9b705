/**
 * The pattern compiler: reads a pattern's JSON text token by token and applies AWS's checks in
 * AWS's order, so the first error found is the one AWS reports. It runs in one of two modes, as
 * AWS's engine has two compilers: `modern` knows `$or`; `legacy` reads `$or` as a plain field
 * name. The caller tries `modern` first and falls back to `legacy` (see `parse.ts`).
 *
 * Nothing recurses: objects and `$or` arrays are frames on an explicit stack.
 *
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/JsonRuleCompiler.java
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/RuleCompiler.java
 */
import type { FieldCondition, IpRange, NumberLiteral, NumericBound, ValueMatcher } from './ast.js';
import { CidrError, parseCidr, parseIpAddress } from './cidr.js';
import { JsonTextError, JsonTokenizer, Tok, parseJsonText, type LosslessJson } from './json.js';
import { compareDoubles, trustedNumberLiteral } from './numbers.js';
import { REASONS, RESERVED_IN_OR } from './parseReasons.js';
import { javaHashSetOrder } from './parseJavaOrder.js';
import { WildcardError, parseWildcard } from './wildcard.js';

/** Which of AWS's two compilers to imitate. */
export type CompilerMode = 'modern' | 'legacy';

/**
 * A compile error. `fallback` is true where AWS's engine raises a JSON parse exception (its entry
 * point then retries with the legacy compiler) and false where the error escapes directly
 * (CIDR errors, a single non-comparable `anything-but` number, JSON reader limits).
 */
export class CompileFailure extends Error {
  override readonly name = 'CompileFailure';
  readonly offset: number | undefined;
  readonly fallback: boolean;

  constructor(reason: string, offset: number | undefined, fallback: boolean) {
    super(reason);
    this.offset = offset;
    this.fallback = fallback;
  }
}

/** One AND-group under construction: path → condition (a later write of a path replaces it). */
type Branch = Map<string, FieldCondition>;

/** A list of branches, or `null` once it grew past the combination limit (then only checked, not built). */
interface RuleList {
  maps: Branch[] | null;
}

/** What a compile produced. */
export interface CompileOutput {
  /** The branches, or `null` if `$or` produced more than `maxBranches`. */
  readonly branches: Branch[] | null;
  /** Key paths of `$or` read as a field name (legacy mode only). */
  readonly orAsFieldName: string[][];
}

/** Limits applied while compiling. */
export interface CompileLimits {
  readonly maxBranches: number;
  readonly maxDepth: number;
  readonly maxNumberLength: number;
}

interface ObjectFrame {
  readonly kind: 'object';
  readonly inOr: boolean;
  readonly rules: RuleList;
  readonly pushed: boolean;
  fieldsPresent: boolean;
  readonly onEnd: (() => void) | undefined;
}

interface OrFrame {
  readonly kind: 'or';
  readonly outer: RuleList;
  readonly current: RuleList;
  loopCount: number;
}

const ANY_BUT = 'anything-but';

/** Compiles pattern text in one mode. @throws CompileFailure */
export function compilePatternText(text: string, mode: CompilerMode, limits: CompileLimits): CompileOutput {
  return new Compiler(text, mode, limits).run();
}

class Compiler {
  private readonly tz: JsonTokenizer;
  private readonly keys: string[] = [];
  private readonly orAsFieldName: string[][] = [];

  constructor(
    private readonly text: string,
    private readonly mode: CompilerMode,
    private readonly limits: CompileLimits,
  ) {
    this.tz = new JsonTokenizer(text, { maxDepth: limits.maxDepth, maxNumberLength: limits.maxNumberLength });
  }

  run(): CompileOutput {
    try {
      return this.compile();
    } catch (error) {
      if (error instanceof JsonTextError) throw new CompileFailure(error.message, error.offset, error.syntax);
      throw error;
    }
  }

  /** AWS's `barf`: a parse exception at the current token. */
  private barf(reason: string): never {
    throw new CompileFailure(reason, this.tz.tokenStart, true);
  }

  private next(): Tok {
    return this.tz.next();
  }

  /** Jackson's `getText()` of the current token, as some reasons quote it. */
  private tokenText(tok: Tok): string {
    switch (tok) {
      case Tok.String:
        return this.tz.getText();
      case Tok.Number:
        return this.tz.numberText();
      case Tok.FieldName:
        return this.tz.currentName;
      case Tok.StartObject:
        return '{';
      case Tok.EndObject:
        return '}';
      case Tok.StartArray:
        return '[';
      case Tok.EndArray:
        return ']';
      case Tok.True:
        return 'true';
      case Tok.False:
        return 'false';
      case Tok.Null:
        return 'null';
      default:
        return 'null';
    }
  }

  private compile(): CompileOutput {
    if (this.next() !== Tok.StartObject) this.barf(REASONS.notAnObject);
    const root: RuleList = { maps: [] };
    const stack: (ObjectFrame | OrFrame)[] = [
      { kind: 'object', inOr: false, rules: root, pushed: false, fieldsPresent: false, onEnd: undefined },
    ];
    const modern = this.mode === 'modern';
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const tok = this.next();
      if (frame.kind === 'or') {
        if (tok === Tok.EndArray) {
          if (frame.loopCount < 2) this.barf(REASONS.orTooFew);
          stack.pop();
          continue;
        }
        frame.loopCount++;
        if (tok !== Tok.StartObject) this.barf(REASONS.orNotObject);
        const branchRules = copyRules(frame.current);
        if (branchRules.maps !== null && branchRules.maps.length === 0) branchRules.maps.push(new Map());
        const outer = frame.outer;
        stack.push({
          kind: 'object',
          inOr: true,
          rules: branchRules,
          pushed: false,
          fieldsPresent: false,
          onEnd: () => this.addAll(outer, branchRules),
        });
        continue;
      }
      if (tok === Tok.EndObject) {
        if (!frame.fieldsPresent) this.barf(REASONS.emptyObject);
        stack.pop();
        if (frame.pushed) this.keys.pop();
        frame.onEnd?.();
        continue;
      }
      frame.fieldsPresent = true;
      const name = this.tz.currentName;
      if (modern && name === '$or') {
        const current = copyRules(frame.rules);
        if (frame.rules.maps !== null) frame.rules.maps.length = 0;
        if (this.next() !== Tok.StartArray) this.barf(REASONS.orNotArray);
        stack.push({ kind: 'or', outer: frame.rules, current, loopCount: 0 });
        continue;
      }
      if (modern && frame.inOr && RESERVED_IN_OR.has(name)) this.barf(REASONS.reservedInOr(name));
      if (!modern && name === '$or') this.orAsFieldName.push([...this.keys, name]);
      const valueTok = this.next();
      if (valueTok === Tok.StartObject) {
        this.keys.push(name);
        stack.push({
          kind: 'object',
          inOr: frame.inOr,
          rules: frame.rules,
          pushed: true,
          fieldsPresent: false,
          onEnd: undefined,
        });
      } else if (valueTok === Tok.StartArray) {
        this.writeRules(frame.rules, name);
      } else {
        this.barf(REASONS.notObjectOrArray(name));
      }
    }
    const maps = root.maps;
    return { branches: maps, orAsFieldName: this.orAsFieldName };
  }

  private addAll(outer: RuleList, more: RuleList): void {
    if (outer.maps === null) return;
    if (more.maps === null) {
      outer.maps = null;
      return;
    }
    for (const m of more.maps) outer.maps.push(m);
    if (outer.maps.length > this.limits.maxBranches) outer.maps = null;
  }

  /** The path of a field: AWS joins keys with `.`, skipping the separator after an empty base. */
  private pathOf(name: string): string {
    const base = this.keys.join('.');
    return base === '' ? name : `${base}.${name}`;
  }

  private writeRules(rules: RuleList, name: string): void {
    const matchers: ValueMatcher[] = [];
    for (;;) {
      const tok = this.next();
      if (tok === Tok.EndArray) break;
      switch (tok) {
        case Tok.StartObject:
          matchers.push(this.matchExpression());
          break;
        case Tok.String: {
          const value = this.tz.getText();
          const ip = parseIpAddress(value);
          matchers.push(
            ip === undefined ? { kind: 'equals', value, source: value } : { kind: 'equals', value, ip, source: value },
          );
          break;
        }
        case Tok.Number: {
          const number = trustedNumberLiteral(this.tz.numberText());
          matchers.push({ kind: 'equals-number', number, source: number });
          break;
        }
        case Tok.True:
          matchers.push({ kind: 'equals', value: true, source: true });
          break;
        case Tok.False:
          matchers.push({ kind: 'equals', value: false, source: false });
          break;
        case Tok.Null:
          matchers.push({ kind: 'equals', value: null, source: null });
          break;
        default:
          this.barf(REASONS.badMatchValue);
      }
    }
    if (matchers.length === 0) this.barf(REASONS.emptyArray);
    const path = this.pathOf(name);
    const condition: FieldCondition = { path, keys: [...this.keys, name], matchers };
    if (rules.maps === null) return;
    if (rules.maps.length === 0) rules.maps.push(new Map());
    for (const rule of rules.maps) {
      // The last write of a path wins (AWS's default "rule overriding").
      rule.delete(path);
      rule.set(path, condition);
    }
  }

  /** The matcher object as written, for explanations. */
  private sourceFrom(start: number): LosslessJson {
    return parseJsonText(this.text.slice(start, this.tz.offset), 'matcher');
  }

  private matchExpression(): ValueMatcher {
    const start = this.tz.tokenStart;
    if (this.next() !== Tok.FieldName) this.barf(REASONS.noMatchName);
    const op = this.tz.currentName;
    let build: (source: LosslessJson) => ValueMatcher;
    switch (op) {
      case 'exactly': {
        const value = this.stringValue(REASONS.exactNotString);
        this.endOfSingleKey();
        build = (source) => ({ kind: 'exactly', value, source });
        break;
      }
      case 'prefix':
      case 'suffix': {
        const tok = this.next();
        if (tok === Tok.StartObject) {
          const value = this.ignoreCaseInner(op);
          build = (source) => ({ kind: op, value, ignoreCase: true, source });
          break;
        }
        if (tok !== Tok.String) this.barf(op === 'prefix' ? REASONS.prefixNotString : REASONS.suffixNotString);
        const value = this.tz.getText();
        this.endOfSingleKey();
        build = (source) => ({ kind: op, value, ignoreCase: false, source });
        break;
      }
      case 'numeric': {
        if (this.next() !== Tok.StartArray) this.barf(REASONS.numericNotArray);
        const bounds = this.numeric();
        if (this.next() !== Tok.EndObject) this.barf(REASONS.tooManyElements);
        build = (source) => ({ kind: 'numeric', ...bounds, source });
        break;
      }
      case ANY_BUT:
        build = this.mode === 'modern' ? this.anythingButModern() : this.anythingButLegacy();
        break;
      case 'exists': {
        const tok = this.next();
        if (tok !== Tok.True && tok !== Tok.False) this.barf(REASONS.existsNotBoolean);
        if (this.next() !== Tok.EndObject) this.barf(REASONS.onlyOneKey);
        const value = tok === Tok.True;
        build = (source) => ({ kind: 'exists', value, source });
        break;
      }
      case 'cidr': {
        // AWS reuses the prefix text here.
        const block = this.stringValue(REASONS.prefixNotString);
        let range: IpRange;
        try {
          range = parseCidr(block);
        } catch (error) {
          if (error instanceof CidrError) throw new CompileFailure(error.message, this.tz.tokenStart, false);
          throw error;
        }
        this.endOfSingleKey();
        build = (source) => ({ kind: 'cidr', block, range, source });
        break;
      }
      case 'equals-ignore-case': {
        const value = this.stringValue(REASONS.eicNotString);
        this.endOfSingleKey();
        build = (source) => ({ kind: 'equals-ignore-case', value, source });
        break;
      }
      case 'wildcard': {
        const value = this.stringValue(REASONS.wildcardNotString);
        const segments = this.wildcardSegments(value);
        this.endOfSingleKey();
        build = (source) => ({ kind: 'wildcard', value, segments, source });
        break;
      }
      default:
        this.barf(REASONS.unknownMatchType(op));
    }
    return build(this.sourceFrom(start));
  }

  private stringValue(reason: string): string {
    if (this.next() !== Tok.String) this.barf(reason);
    return this.tz.getText();
  }

  private endOfSingleKey(): void {
    if (this.next() !== Tok.EndObject) this.barf(REASONS.onlyOneKey);
  }

  private wildcardSegments(value: string): string[] {
    try {
      return parseWildcard(value);
    } catch (error) {
      if (error instanceof WildcardError) this.barf(error.message);
      throw error;
    }
  }

  /** `{"prefix": {"equals-ignore-case": "x"}}` and the suffix form, after the inner `{`. */
  private ignoreCaseInner(op: 'prefix' | 'suffix'): string {
    if (this.next() !== Tok.FieldName)
      this.barf(op === 'prefix' ? REASONS.prefixNameNotFound : REASONS.suffixNameNotFound);
    const inner = this.tz.currentName;
    if (inner !== 'equals-ignore-case')
      this.barf(op === 'prefix' ? REASONS.unsupportedPrefix(inner) : REASONS.unsupportedSuffix(inner));
    const value = this.stringValue(REASONS.eicNotString);
    this.endOfSingleKey();
    this.endOfSingleKey();
    return value;
  }

  /** A number AWS compares by value, or AWS's "Cannot compare number" error. */
  private comparable(text: string, fallback: boolean): NumberLiteral {
    const n = trustedNumberLiteral(text);
    if (!n.comparable) throw new CompileFailure(REASONS.cannotCompare(text), this.tz.tokenStart, fallback);
    return n;
  }

  private numeric(): { lower?: NumericBound; upper?: NumericBound } {
    let tok = this.next();
    if (tok !== Tok.String) this.barf(REASONS.invalidNumericMember(this.tokenText(tok)));
    const op = this.tz.getText();
    tok = this.next();
    switch (op) {
      case '=': {
        if (tok !== Tok.Number) this.barf(REASONS.valueMustBeNumeric('equals'));
        const text = this.tz.numberText();
        if (this.next() !== Tok.EndArray) this.barf(REASONS.tooManyElements);
        const n = this.comparable(text, true);
        return { lower: { value: n.value, inclusive: true }, upper: { value: n.value, inclusive: true } };
      }
      case '>=':
      case '>': {
        if (tok !== Tok.Number) this.barf(REASONS.valueMustBeNumeric(op));
        const bottom = this.tz.numberText();
        tok = this.next();
        const openBottom = op === '>';
        if (tok === Tok.EndArray) {
          return { lower: { value: this.comparable(bottom, true).value, inclusive: !openBottom } };
        }
        if (tok !== Tok.String) this.barf(REASONS.badRangeValue(this.tokenText(tok)));
        const op2 = this.tz.getText();
        if (op2 !== '<' && op2 !== '<=') this.barf(REASONS.badRangeOperator(op2));
        if (this.next() !== Tok.Number) this.barf(REASONS.valueMustBeNumeric(op2));
        const top = this.tz.numberText();
        if (this.next() !== Tok.EndArray) this.barf(REASONS.tooManyTerms);
        const lo = this.comparable(bottom, true);
        const hi = this.comparable(top, true);
        if (compareDoubles(lo.value, hi.value) >= 0) this.barf(REASONS.bottomNotBelowTop);
        return {
          lower: { value: lo.value, inclusive: !openBottom },
          upper: { value: hi.value, inclusive: op2 === '<=' },
        };
      }
      case '<=':
      case '<': {
        if (tok !== Tok.Number) this.barf(REASONS.valueMustBeNumeric(op));
        const top = this.tz.numberText();
        if (this.next() !== Tok.EndArray) this.barf(REASONS.tooManyElements);
        return { upper: { value: this.comparable(top, true).value, inclusive: op === '<=' } };
      }
      default:
        this.barf(REASONS.unknownNumericOperator(op));
    }
  }

  /** `anything-but` with a plain value or list: strings or comparable numbers, not mixed. */
  private anythingButValues(tok: Tok): { strings: string[]; numbers: NumberLiteral[] } {
    const strings: string[] = [];
    const numbers: NumberLiteral[] = [];
    if (tok === Tok.String) {
      strings.push(this.tz.getText());
      return { strings, numbers };
    }
    if (tok === Tok.Number) {
      // A single non-comparable number escapes as a plain IllegalArgumentException in AWS's engine.
      numbers.push(this.comparable(this.tz.numberText(), false));
      return { strings, numbers };
    }
    for (;;) {
      const t = this.next();
      if (t === Tok.EndArray) break;
      if (t === Tok.String) {
        addUnique(strings, this.tz.getText());
      } else if (t === Tok.Number) {
        const n = this.comparable(this.tz.numberText(), true);
        if (!numbers.some((m) => compareDoubles(m.value, n.value) === 0)) numbers.push(n);
      } else {
        this.barf(REASONS.anythingButListBadType);
      }
    }
    if (strings.length > 0 === numbers.length > 0) this.barf(REASONS.anythingButListMixed);
    return { strings, numbers };
  }

  private anythingButModern(): (source: LosslessJson) => ValueMatcher {
    let sub: 'equals-ignore-case' | 'prefix' | 'suffix' | 'wildcard' | undefined;
    let tok = this.next();
    if (tok === Tok.StartObject) {
      if (this.next() !== Tok.FieldName) this.barf(REASONS.anythingButNameNotFound);
      const op = this.tz.currentName;
      if (op !== 'equals-ignore-case' && op !== 'prefix' && op !== 'suffix' && op !== 'wildcard') {
        this.barf(REASONS.unsupportedAnythingBut(op));
      }
      sub = op;
      tok = this.next();
    }
    if (tok !== Tok.StartArray && tok !== Tok.String && tok !== Tok.Number) this.barf(REASONS.anythingButBadValue);
    let build: (source: LosslessJson) => ValueMatcher;
    if (sub === undefined) {
      const { strings, numbers } = this.anythingButValues(tok);
      build = (source) => ({ kind: 'anything-but', strings, numbers, source });
    } else {
      const values: string[] = [];
      const readOne = (t: Tok): void => {
        if (t !== Tok.String) {
          this.barf(
            sub === 'equals-ignore-case'
              ? REASONS.anythingButEicBadType
              : sub === 'wildcard'
                ? REASONS.wildcardNotString
                : REASONS.prefixSuffixNotString,
          );
        }
        const text = this.tz.getText();
        if ((sub === 'prefix' || sub === 'suffix') && text === '') this.barf(REASONS.nullPrefixSuffix);
        addUnique(values, text);
      };
      if (tok === Tok.StartArray) {
        for (let t = this.next(); t !== Tok.EndArray; t = this.next()) readOne(t);
      } else {
        readOne(tok);
      }
      let segments: string[][] = [];
      if (sub === 'wildcard') {
        // AWS checks a set of values in Java's hash-set order, so the first bad one it meets is that order's first.
        for (const value of javaHashSetOrder(values.map((v) => `"${v}"`))) this.wildcardSegments(value.slice(1, -1));
        segments = values.map((v) => parseWildcard(v));
      }
      const kind = sub;
      build = (source) => {
        switch (kind) {
          case 'equals-ignore-case':
            return { kind: 'anything-but-ignore-case', values, source };
          case 'prefix':
            return { kind: 'anything-but-prefix', values, source };
          case 'suffix':
            return { kind: 'anything-but-suffix', values, source };
          default:
            return { kind: 'anything-but-wildcard', values, segments, source };
        }
      };
    }
    if (this.next() !== Tok.EndObject) this.barf(REASONS.tooManyElements);
    if (sub !== undefined && this.next() !== Tok.EndObject) this.barf(REASONS.tooManyElements);
    return build;
  }

  private anythingButLegacy(): (source: LosslessJson) => ValueMatcher {
    let ignoreCase = false;
    let tok = this.next();
    if (tok === Tok.StartObject) {
      if (this.next() !== Tok.FieldName) this.barf(REASONS.anythingButNameNotFound);
      const op = this.tz.currentName;
      ignoreCase = op === 'equals-ignore-case';
      if (!ignoreCase) {
        if (op !== 'prefix' && op !== 'suffix') this.barf(REASONS.unsupportedAnythingBut(op));
        if (this.next() !== Tok.String) this.barf(REASONS.prefixSuffixNotString);
        const text = this.tz.getText();
        if (text === '') this.barf(REASONS.nullPrefixSuffix);
        this.endOfSingleKey();
        this.endOfSingleKey();
        const kind = op === 'prefix' ? 'anything-but-prefix' : 'anything-but-suffix';
        return (source) => ({ kind, values: [text], source });
      }
      tok = this.next();
    }
    if (tok !== Tok.StartArray && tok !== Tok.String && tok !== Tok.Number) this.barf(REASONS.anythingButBadValue);
    let build: (source: LosslessJson) => ValueMatcher;
    if (ignoreCase) {
      const values: string[] = [];
      if (tok === Tok.StartArray) {
        for (let t = this.next(); t !== Tok.EndArray; t = this.next()) {
          if (t !== Tok.String) this.barf(REASONS.legacyAnythingButIgnoreCaseBadType);
          addUnique(values, this.tz.getText());
        }
      } else {
        if (tok !== Tok.String) this.barf(REASONS.legacyAnythingButIgnoreCaseBadType);
        values.push(this.tz.getText());
      }
      build = (source) => ({ kind: 'anything-but-ignore-case', values, source });
    } else {
      const { strings, numbers } = this.anythingButValues(tok);
      build = (source) => ({ kind: 'anything-but', strings, numbers, source });
    }
    if (this.next() !== Tok.EndObject) this.barf(REASONS.tooManyElements);
    if (ignoreCase && this.next() !== Tok.EndObject) this.barf(REASONS.tooManyElements);
    return build;
  }
}

function addUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function copyRules(rules: RuleList): RuleList {
  return { maps: rules.maps === null ? null : rules.maps.map((m) => new Map(m)) };
}
