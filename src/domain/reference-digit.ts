/** Returns the value of a character code as a decimal (or, when `hex`, hexadecimal) digit, else -1. */
export function referenceDigit(char: number, hex: boolean): number {
  if (char >= 0x30 && char <= 0x39) return char - 0x30;
  const letter = char | 0x20;
  return hex && letter >= 0x61 && letter <= 0x66 ? letter - 0x57 : -1;
}
