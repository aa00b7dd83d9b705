import { describe, expect, it } from 'vitest';
import { WILDCARD_ERRORS, WildcardError, parseWildcard } from '../../src/patterns/wildcard.js';

// aws/event-ruler input/WildcardParser.java and WildcardParserTest.java. AWS's positions count
// UTF-8 bytes in the value wrapped in quotes (the engine parses `"value"`), one more than the
// parser test's positions, which parse the bare value.
describe('parseWildcard', () => {
  it.each([
    ['abc', ['abc']],
    ['a*c', ['a', 'c']],
    ['a\\*c', ['a*c']],
    ['a\\\\c', ['a\\c']],
    ['a\\\\*', ['a\\', '']],
    ['a\\\\\\*', ['a\\*']],
    ['a\\**', ['a*', '']],
    ['*', ['', '']],
    ['', ['']],
    ['*/bin/*.jar', ['', '/bin/', '.jar']],
  ])('%j has segments %j', (value, segments) => {
    expect(parseWildcard(value)).toEqual(segments);
  });

  it.each([
    ['a\\bc', WILDCARD_ERRORS.escape(2)],
    ['a**', WILDCARD_ERRORS.consecutive(2)],
    ['abc**def', 'Consecutive wildcard characters at pos 4'],
    ['ab\\', 'Invalid escape character at pos 3'],
    ['\\', 'Invalid escape character at pos 1'],
    ['é**', 'Consecutive wildcard characters at pos 3'],
    ['😀\\x', 'Invalid escape character at pos 5'],
    ['\ud800**', 'Consecutive wildcard characters at pos 2'],
    ['a\\**b**', 'Consecutive wildcard characters at pos 6'],
  ])('%j fails with %j', (value, message) => {
    expect(() => parseWildcard(value)).toThrow(WildcardError);
    expect(() => parseWildcard(value)).toThrow(message);
  });
});
