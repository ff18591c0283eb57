import { describe, expect, it } from 'vitest';
import { htmlToText } from './htmlToText.js';

describe('htmlToText', () => {
  it('renders headings, paragraphs and lists as readable lines', () => {
    const html = '<html><head><title>x</title></head><body><h1>Contrat</h1><p>Le titulaire&nbsp;accepte <b>les</b> conditions.</p><ul><li>un</li><li>deux</li></ul></body></html>';
    expect(htmlToText(html)).toBe('Contrat\n=======\n\nLe titulaire accepte les conditions.\n\n- un\n- deux');
  });

  it('decodes named and numeric entities and drops scripts', () => {
    expect(htmlToText('<p>Soci&eacute;t&#233; &laquo;X&raquo; &#x26; co<script>alert(1)</script></p>')).toBe('Société «X» & co');
  });

  it('never turns a reference into a terminal control, and drops references that are no character (issue 12)', () => {
    expect(htmlToText('<p>A&#27;]0;title&#7;B&#x9b;2J&#x202e;C&#x110000;&#xD800;D</p>')).toBe('A]0;titleB2JCD');
  });

  it('keeps line breaks from br elements', () => {
    expect(htmlToText('a<br/>b<br>c')).toBe('a\nb\nc');
  });
});
