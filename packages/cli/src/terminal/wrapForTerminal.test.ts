import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { CliOutput } from './CliIo.js';
import { fitOneLine, wrapFor, wrapToWidth } from './wrapForTerminal.js';

const terminal = (columns: number) => ({ isTTY: true, columns }) as unknown as CliOutput;
const width = (line: string) => [...line].length;

describe('wrapToWidth', () => {
  it('breaks between words, never inside one, and keeps every word', () => {
    const text = "N.B. : les adresses électroniques servent à envoyer un rappel lorsque le certificat arrive à expiration.";
    const lines = wrapToWidth(text, 30).split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(30);
    expect(lines.join(' ').split(/\s+/u)).toEqual(text.split(/\s+/u));
  });

  it('continues a table row under its value and an indented line under its indentation', () => {
    const row = '  Certificat            Service ambulancier, n° INAMI 71901249, application monlogiciel';
    const [first, ...rest] = wrapToWidth(row, 50).split('\n');
    expect(first).toMatch(/^ {2}Certificat {12}Service/u);
    for (const line of rest) expect(line).toMatch(/^ {24}\S/u);
    const [, second] = wrapToWidth('  Vous gardez la clé privée : elle ne quitte jamais cet ordinateur.', 40).split('\n');
    expect(second).toMatch(/^ {2}\S/u);
  });

  it('never starts a line with a colon or a closing guillemet (French spacing)', () => {
    for (let columns = 20; columns <= 45; columns++) {
      const lines = wrapToWidth('Étape 5 : « Je suis Belge ou mon domicile est en Belgique » : insérez votre eID', columns).split('\n');
      for (const line of lines) expect(line).not.toMatch(/^\s*[:»]/u);
    }
  });

  it('keeps a path and a command to copy whole, even wider than the terminal', () => {
    const path = '/home/ambu/ehealth/keystore/NIHII-AMBU_SERVICE=71901249 20261203-085515.acc-p12';
    expect(wrapToWidth(`Keystore : ${path}`, 40).split('\n')).toContain(path);
    const command = `    ehealth-cert complete --env acc --keystore "${path}"`;
    expect(wrapToWidth(command, 40)).toBe(command);
    for (let columns = 20; columns <= 60; columns++) {
      expect(wrapToWidth('Le renouvellement sera possible plus tard (ehealth-cert renew) ; eHealth le rappellera.', columns)).toContain('ehealth-cert renew');
    }
  });

  it('leaves colour codes out of the width', () => {
    const bold = `\x1b[1m${'mot '.repeat(9)}fin\x1b[0m`;
    for (const line of wrapToWidth(bold, 20).split('\n')) expect(width(stripVTControlCharacters(line))).toBeLessThanOrEqual(20);
  });
});

describe('wrapFor and fitOneLine', () => {
  it('wrap on a terminal only: a pipe keeps each message on one line for scripts', () => {
    const text = 'un message assez long pour être coupé en deux lignes ou plus';
    expect(wrapFor(terminal(20), text)).toContain('\n');
    expect(wrapFor({ isTTY: false, columns: 20 } as unknown as CliOutput, text)).toBe(text);
    expect(wrapFor({ isTTY: true } as unknown as CliOutput, text)).toBe(text);
  });

  it('cuts a status line rewritten in place to one line shorter than the terminal', () => {
    const line = fitOneLine(terminal(30), '… eHealth : vérification de la publication de l\'ETK');
    expect(width(line)).toBe(29);
    expect(line.endsWith('…')).toBe(true);
    expect(fitOneLine(terminal(80), 'court')).toBe('court');
  });
});
