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

  it('keeps line breaks from br elements', () => {
    expect(htmlToText('a<br/>b<br>c')).toBe('a\nb\nc');
  });
});
