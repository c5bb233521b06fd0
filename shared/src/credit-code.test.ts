import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code.js';

describe('unified social credit code', () => {
  it('accepts codes whose checksum character is right', () => {
    // Published codes of well-known organisations.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('12100000400000624D')).toBe(true);
  });

  it('rejects a code with one character changed, bad symbols or the wrong length', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100YI3')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
  });

  it('computes the check character from the first 17', () => {
    const first17 = '91451000MA5K000A0';
    expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(true);
  });
});
