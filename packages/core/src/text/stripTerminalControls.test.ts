import { describe, expect, it } from 'vitest';
import { stripTerminalControls } from './stripTerminalControls.js';

describe('stripTerminalControls', () => {
  it('removes ESC sequences introducers, BEL, DEL, C1 and bidi controls, keeps TAB/LF/CR and letters', () => {
    const hostile = 'Soci\u00e9t\u00e9\u001b]0;pwned\u0007 \u009b31m\u202eevil\u202c\u2066x\u2069\u200f\u007f\tok\r\n';
    expect(stripTerminalControls(hostile)).toBe('Soci\u00e9t\u00e9]0;pwned 31mevilx\tok\r\n');
  });

  it('leaves ordinary FR/NL text alone', () => {
    const text = 'Je soussign\u00e9 \u00ab X \u00bb \u2014 Ik, ondergetekende, verklaar \u20ac 0,00';
    expect(stripTerminalControls(text)).toBe(text);
  });
});
