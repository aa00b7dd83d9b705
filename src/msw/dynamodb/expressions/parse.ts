/**
 * Parsers of DynamoDB expressions (condition, update, projection, key condition): tokens, document
 * paths and the grammars of the Developer Guide (Expressions.OperatorsAndFunctions,
 * Expressions.UpdateExpressions). Every problem is a `ValidationException` with DynamoDB's wording
 * (`Invalid UpdateExpression: Syntax error; token: "=", near: "SET = :v"`); nothing throws anything else.
 */
import type { AttributeValue } from '../../../events/dynamodb/index.js';
import { validation } from '../errors.js';
import { isReservedWord } from './reservedWords.js';

/** One element of a document path. */
type PathElement = { readonly name: string } | { readonly index: number };

/** A document path (`a.b[2].c`), with substitutions already made. */
export interface DocumentPath {
  readonly elements: readonly PathElement[];
}

/** A value-producing operand. */
export type Operand =
  | { readonly kind: 'path'; readonly path: DocumentPath }
  | { readonly kind: 'value'; readonly ref: string; readonly value: AttributeValue }
  | { readonly kind: 'size'; readonly path: DocumentPath }
  | { readonly kind: 'if_not_exists'; readonly path: DocumentPath; readonly fallback: Operand }
  | { readonly kind: 'list_append'; readonly a: Operand; readonly b: Operand }
  | { readonly kind: '+' | '-'; readonly a: Operand; readonly b: Operand };

/** The comparators of conditions. */
type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** A condition. */
export type Condition =
  | { readonly kind: 'and' | 'or'; readonly a: Condition; readonly b: Condition }
  | { readonly kind: 'not'; readonly c: Condition }
  | { readonly kind: 'compare'; readonly op: Comparator; readonly a: Operand; readonly b: Operand }
  | { readonly kind: 'between'; readonly v: Operand; readonly lo: Operand; readonly hi: Operand }
  | { readonly kind: 'in'; readonly v: Operand; readonly list: readonly Operand[] }
  | {
      readonly kind: 'function';
      readonly name: 'attribute_exists' | 'attribute_not_exists' | 'attribute_type' | 'begins_with' | 'contains';
      readonly args: readonly Operand[];
    };

/** An update expression's actions. */
export interface UpdateActions {
  readonly set: ReadonlyArray<{ readonly path: DocumentPath; readonly value: Operand }>;
  readonly remove: readonly DocumentPath[];
  readonly add: ReadonlyArray<{ readonly path: DocumentPath; readonly value: Operand & { kind: 'value' } }>;
  readonly delete: ReadonlyArray<{ readonly path: DocumentPath; readonly value: Operand & { kind: 'value' } }>;
}

/** The substitutions of one request, recording which were used (unused ones are an error). */
export class Substitutions {
  readonly usedNames = new Set<string>();
  readonly usedValues = new Set<string>();

  constructor(
    readonly names: Readonly<Record<string, string>> | undefined,
    readonly values: Readonly<Record<string, AttributeValue>> | undefined,
  ) {}

  /** The name `ref` stands for; `kind` (`UpdateExpression` …) prefixes the error, as DynamoDB's does. */
  name(ref: string, kind: string): string {
    const name = this.names !== undefined && Object.hasOwn(this.names, ref) ? this.names[ref] : undefined;
    if (name === undefined)
      throw validation(
        `Invalid ${kind}: An expression attribute name used in the document path is not defined; attribute name: ${ref}`,
      );
    this.usedNames.add(ref);
    return name;
  }

  /** The value `ref` stands for; `kind` prefixes the error. */
  value(ref: string, kind: string): AttributeValue {
    const value = this.values !== undefined && Object.hasOwn(this.values, ref) ? this.values[ref] : undefined;
    if (value === undefined)
      throw validation(
        `Invalid ${kind}: An expression attribute value used in expression is not defined; attribute value: ${ref}`,
      );
    this.usedValues.add(ref);
    return value;
  }

  /** Throws for substitutions no expression used (DynamoDB rejects them). */
  assertAllUsed(): void {
    const unusedValues = Object.keys(this.values ?? {}).filter((ref) => !this.usedValues.has(ref));
    if (unusedValues.length > 0)
      throw validation(
        `Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`,
      );
    const unusedNames = Object.keys(this.names ?? {}).filter((ref) => !this.usedNames.has(ref));
    if (unusedNames.length > 0)
      throw validation(
        `Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`,
      );
  }
}

type TokenKind = 'name' | 'nameRef' | 'valueRef' | 'number' | 'punct' | 'eof';
interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const PUNCT = ['<>', '<=', '>=', '(', ')', '[', ']', ',', '.', '=', '<', '>', '+', '-'];

function tokenize(expression: string, kind: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const c = expression[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    const word = /^[#:]?[A-Za-z0-9_]+/.exec(expression.slice(i, i + 300));
    if (word !== null) {
      const text = word[0];
      i += text.length;
      const tokenKind: TokenKind = text.startsWith('#')
        ? 'nameRef'
        : text.startsWith(':')
          ? 'valueRef'
          : /^\d+$/.test(text)
            ? 'number'
            : 'name';
      if ((tokenKind === 'nameRef' || tokenKind === 'valueRef') && text.length === 1)
        throw syntax(kind, expression, { kind: 'punct', text, start, end: i }, undefined, undefined);
      if (tokenKind === 'name' && /^\d/.test(text))
        throw syntax(kind, expression, { kind: 'name', text, start, end: i }, tokens[tokens.length - 1], undefined);
      tokens.push({ kind: tokenKind, text, start, end: i });
      continue;
    }
    const punct = PUNCT.find((p) => expression.startsWith(p, i));
    if (punct === undefined) {
      const bad: Token = { kind: 'punct', text: c, start, end: i + 1 };
      throw validation(
        `Invalid ${kind}: Syntax error; token: "${c}", near: "${near(expression, tokens[tokens.length - 1], bad)}"`,
      );
    }
    tokens.push({ kind: 'punct', text: punct, start, end: i + punct.length });
    i += punct.length;
  }
  tokens.push({ kind: 'eof', text: '<EOF>', start: expression.length, end: expression.length });
  return tokens;
}

function near(expression: string, previous: Token | undefined, token: Token, next?: Token): string {
  const from = previous?.start ?? token.start;
  const to = next !== undefined && next.kind !== 'eof' ? next.end : token.end;
  return expression.slice(from, to);
}

function syntax(kind: string, expression: string, token: Token, previous: Token | undefined, next: Token | undefined) {
  return validation(
    `Invalid ${kind}: Syntax error; token: "${token.text}", near: "${near(expression, previous, token, next)}"`,
  );
}

const CONDITION_FUNCTIONS = new Set([
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
]);
const ALL_FUNCTIONS = new Set([...CONDITION_FUNCTIONS, 'size', 'if_not_exists', 'list_append']);
const COMPARATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);
/** DynamoDB's limit on an expression's length. */
const MAX_EXPRESSION_LENGTH = 4096;

/** A recursive-descent parser over one expression. */
class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private depth = 0;

  constructor(
    private readonly expression: string,
    private readonly kind:
      | 'ConditionExpression'
      | 'UpdateExpression'
      | 'ProjectionExpression'
      | 'KeyConditionExpression'
      | 'FilterExpression',
    private readonly subs: Substitutions,
  ) {
    if (expression.length > MAX_EXPRESSION_LENGTH)
      throw validation(
        `Invalid ${kind}: Expression size has exceeded the maximum allowed size; expression size: ${expression.length}`,
      );
    if (expression.trim() === '') throw validation(`Invalid ${kind}: The expression can not be empty;`);
    this.tokens = tokenize(expression, kind);
  }

  private get token(): Token {
    return this.tokens[this.i] as Token;
  }

  private fail(): never {
    // At the end DynamoDB shows the two tokens before it; elsewhere the token and its neighbours.
    const previous =
      this.token.kind === 'eof' ? (this.tokens[this.i - 2] ?? this.tokens[this.i - 1]) : this.tokens[this.i - 1];
    throw syntax(this.kind, this.expression, this.token, previous, this.tokens[this.i + 1]);
  }

  private keyword(word: string): boolean {
    return this.token.kind === 'name' && this.token.text.toUpperCase() === word;
  }

  private eat(text: string): boolean {
    if (this.token.kind === 'punct' && this.token.text === text) {
      this.i++;
      return true;
    }
    return false;
  }

  private expect(text: string): void {
    if (!this.eat(text)) this.fail();
  }

  /** Fails unless every token was consumed. */
  end(): void {
    if (this.token.kind !== 'eof') this.fail();
  }

  atEnd(): boolean {
    return this.token.kind === 'eof';
  }

  path(): DocumentPath {
    const elements: PathElement[] = [this.pathName()];
    for (;;) {
      if (this.eat('.')) elements.push(this.pathName());
      else if (this.token.kind === 'punct' && this.token.text === '[') {
        this.i++;
        const index = this.token;
        if (index.kind !== 'number') this.fail();
        elements.push({ index: Number(index.text) });
        this.i++;
        this.expect(']');
      } else break;
    }
    return { elements };
  }

  private pathName(): PathElement {
    const t = this.token;
    if (t.kind === 'nameRef') {
      this.i++;
      return { name: this.subs.name(t.text, this.kind) };
    }
    if (t.kind === 'name' && !isKeyword(t.text)) {
      if (isReservedWord(t.text))
        throw validation(`Invalid ${this.kind}: Attribute name is a reserved keyword; reserved keyword: ${t.text}`);
      this.i++;
      return { name: t.text };
    }
    this.fail();
  }

  /** `path`, `:value` or a function call, as an operand. */
  operand(context: 'condition' | 'update'): Operand {
    const t = this.token;
    if (t.kind === 'valueRef') {
      this.i++;
      return { kind: 'value', ref: t.text, value: this.subs.value(t.text, this.kind) };
    }
    if (t.kind === 'name' && (this.tokens[this.i + 1] as Token).text === '(') {
      const name = t.text;
      if (!ALL_FUNCTIONS.has(name)) throw validation(`Invalid ${this.kind}: Invalid function name; function: ${name}`);
      const allowed = context === 'update' ? name === 'if_not_exists' || name === 'list_append' : name === 'size';
      if (!allowed)
        throw validation(
          `Invalid ${this.kind}: The function is not allowed ${context === 'update' ? 'in an update expression' : 'to be used this way in an expression'}; function: ${name}`,
        );
      this.i += 2;
      let out: Operand;
      if (name === 'size') out = { kind: 'size', path: this.pathArgument(name) };
      else if (name === 'if_not_exists') {
        const path = this.pathArgument(name);
        this.expect(',');
        out = { kind: 'if_not_exists', path, fallback: this.nested(() => this.operand(context)) };
      } else {
        const a = this.nested(() => this.operand(context));
        this.expect(',');
        out = { kind: 'list_append', a, b: this.nested(() => this.operand(context)) };
      }
      this.expect(')');
      return out;
    }
    if (t.kind === 'name' || t.kind === 'nameRef') return { kind: 'path', path: this.path() };
    this.fail();
  }

  private pathArgument(fn: string): DocumentPath {
    if (this.token.kind !== 'name' && this.token.kind !== 'nameRef') {
      throw validation(
        `Invalid ${this.kind}: Operator or function requires a document path; operator or function: ${fn}`,
      );
    }
    return this.path();
  }

  private nested<T>(fn: () => T): T {
    if (++this.depth > 64) throw validation(`Invalid ${this.kind}: The expression has too many levels of nesting`);
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  condition(): Condition {
    return this.nested(() => {
      let left = this.conjunction();
      while (this.keyword('OR')) {
        this.i++;
        left = { kind: 'or', a: left, b: this.conjunction() };
      }
      return left;
    });
  }

  private conjunction(): Condition {
    let left = this.negation();
    while (this.keyword('AND')) {
      this.i++;
      left = { kind: 'and', a: left, b: this.negation() };
    }
    return left;
  }

  private negation(): Condition {
    if (this.keyword('NOT')) {
      this.i++;
      return { kind: 'not', c: this.nested(() => this.negation()) };
    }
    return this.primary();
  }

  private primary(): Condition {
    if (this.eat('(')) {
      const inner = this.condition();
      this.expect(')');
      return inner;
    }
    const t = this.token;
    if (t.kind === 'name' && CONDITION_FUNCTIONS.has(t.text) && (this.tokens[this.i + 1] as Token).text === '(') {
      const name = t.text as
        | 'attribute_exists'
        | 'attribute_not_exists'
        | 'attribute_type'
        | 'begins_with'
        | 'contains';
      this.i += 2;
      const args: Operand[] = [{ kind: 'path', path: this.pathArgument(name) }];
      const arity = name === 'attribute_exists' || name === 'attribute_not_exists' ? 1 : 2;
      while (args.length < arity) {
        this.expect(',');
        args.push(this.operand('condition'));
      }
      if (this.token.text === ',')
        throw validation(
          `Invalid ${this.kind}: Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${arity + 1}`,
        );
      this.expect(')');
      return { kind: 'function', name, args };
    }
    const a = this.operand('condition');
    if (this.keyword('BETWEEN')) {
      this.i++;
      const lo = this.operand('condition');
      if (!this.keyword('AND')) this.fail();
      this.i++;
      return { kind: 'between', v: a, lo, hi: this.operand('condition') };
    }
    if (this.keyword('IN')) {
      this.i++;
      this.expect('(');
      const list = [this.operand('condition')];
      while (this.eat(',')) list.push(this.operand('condition'));
      this.expect(')');
      if (list.length > 100)
        throw validation(
          `Invalid ${this.kind}: The IN operator is provided with too many operands; number of operands: ${list.length}`,
        );
      return { kind: 'in', v: a, list };
    }
    const op = this.token;
    if (op.kind !== 'punct' || !COMPARATORS.has(op.text)) this.fail();
    this.i++;
    return { kind: 'compare', op: op.text as Comparator, a, b: this.operand('condition') };
  }

  /** `SET …`, `REMOVE …`, `ADD …`, `DELETE …`, each clause at most once. */
  update(): UpdateActions {
    const set: Array<UpdateActions['set'][number]> = [];
    const remove: DocumentPath[] = [];
    const add: Array<UpdateActions['add'][number]> = [];
    const del: Array<UpdateActions['delete'][number]> = [];
    const seen = new Set<string>();
    while (!this.atEnd()) {
      const clause = this.token.kind === 'name' ? this.token.text.toUpperCase() : '';
      if (clause !== 'SET' && clause !== 'REMOVE' && clause !== 'ADD' && clause !== 'DELETE') this.fail();
      if (seen.has(clause))
        throw validation(
          `Invalid UpdateExpression: The "${clause}" section can only be used once in an update expression;`,
        );
      seen.add(clause);
      this.i++;
      do {
        const path = this.path();
        if (clause === 'SET') {
          this.expect('=');
          const a = this.operand('update');
          if (this.token.kind === 'punct' && (this.token.text === '+' || this.token.text === '-')) {
            const op = this.token.text as '+' | '-';
            this.i++;
            set.push({ path, value: { kind: op, a, b: this.operand('update') } });
          } else set.push({ path, value: a });
        } else if (clause === 'REMOVE') remove.push(path);
        else {
          if (this.token.kind !== 'valueRef') this.fail();
          const value = this.operand('update') as Operand & { kind: 'value' };
          (clause === 'ADD' ? add : del).push({ path, value });
        }
      } while (this.eat(','));
    }
    return { set, remove, add, delete: del };
  }

  /** A projection: comma-separated paths. */
  projection(): DocumentPath[] {
    const paths = [this.path()];
    while (this.eat(',')) paths.push(this.path());
    return paths;
  }
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN']);
function isKeyword(word: string): boolean {
  return KEYWORDS.has(word.toUpperCase());
}

/** Parses a condition (ConditionExpression, FilterExpression, KeyConditionExpression). */
export function parseCondition(
  expression: string,
  kind: 'ConditionExpression' | 'FilterExpression' | 'KeyConditionExpression',
  subs: Substitutions,
): Condition {
  const parser = new Parser(expression, kind, subs);
  const condition = parser.condition();
  parser.end();
  return condition;
}

/** Parses an UpdateExpression. */
export function parseUpdate(expression: string, subs: Substitutions): UpdateActions {
  const parser = new Parser(expression, 'UpdateExpression', subs);
  const actions = parser.update();
  parser.end();
  return actions;
}

/** Parses a ProjectionExpression. */
export function parseProjection(expression: string, subs: Substitutions): DocumentPath[] {
  const parser = new Parser(expression, 'ProjectionExpression', subs);
  const paths = parser.projection();
  parser.end();
  return paths;
}

/** `[a, b, [2]]`: how DynamoDB prints a path in messages. */
export function showPath(path: DocumentPath): string {
  return `[${path.elements.map((e) => ('name' in e ? e.name : `[${e.index}]`)).join(', ')}]`;
}
