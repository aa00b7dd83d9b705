import { describe, expect, it } from 'vitest';
import { wildcardComplexity } from '../../src/patterns/parseComplexity.js';
import { parseWildcard } from '../../src/patterns/wildcard.js';

const complexity = (...patterns: string[]) => wildcardComplexity(patterns.map(parseWildcard), 100);

// Expected values from aws/event-ruler MachineComplexityEvaluatorTest.java (each comment there names
// an input reaching the figure).
describe('wildcardComplexity', () => {
  it.each([
    [1, ['*']],
    [3, ['*', 'ab*c']],
    [1, ['abc']],
    [2, ['*ab']],
    [3, ['*aa']],
    [2, ['a*b']],
    [2, ['aa*']],
    [2, ['a*bc']],
    [3, ['a*bb']],
    [3, ['a*bcb']],
    [4, ['a*bbb']],
    [4, ['*ab*ad']],
    [3, ['*ab*d']],
    [4, ['*aba*']],
    [5, ['a*b*bb']],
    [4, ['a*b*cb']],
    [3, ['a*b*cd']],
    [4, ['a*b*b']],
    [4, ['a*bb*']],
    [3, ['ab*b*']],
    [3, ['ab*c', 'x*xx']],
    [4, ['*abc', '*abcde']],
    [4, ['a*bcd', 'ab*cd']],
    [4, ['a*bc', 'a*bcde']],
    [7, ['a*aaa', 'aa*aa']],
    [4, ['a*bc', 'abc*d']],
    [6, ['a*aaa', 'aaa*a']],
    [5, ['a*aax', 'aaa*x']],
    [4, ['a*bc', 'abc*']],
    [5, ['a*aa', 'aaa*']],
    [3, ['abc*', 'abcde*']],
    [6, ['ab*cd', 'ab*wx', 'ab*yz']],
    [7, ['*ab*b*b*']],
    [17, ['*a*a*a*a*a*a*a*a*']],
    [10, ['F*eatureFeature', 'Fe*atureFeature', 'Fea*tureFeature']],
  ])('is %i for %j', (expected, patterns) => {
    expect(complexity(...patterns)).toBe(expected);
  });

  it('is 0 without patterns and stops at the cap', () => {
    expect(wildcardComplexity([], 10)).toBe(0);
    expect(wildcardComplexity([parseWildcard('*a'.repeat(50))], 10)).toBe(10);
  });

  it('counts UTF-8 bytes as the engine does', () => {
    // "*é" is "*", 0xC3, 0xA9: the input "é" matches "*" and "*é"; the byte 0xC3 alone matches "*" and "*\xC3".
    expect(complexity('*é')).toBe(2);
  });
});
