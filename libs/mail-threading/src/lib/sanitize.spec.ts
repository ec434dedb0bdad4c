import fc from 'fast-check';
import { sanitizeHtml, sanitizeStyle } from './sanitize';

const DANGER =
  /<script|<iframe|<object|<embed|<svg|<math|<form|<input|<meta|<base|<link|<style|\son[a-z]+\s*=|javascript:|vbscript:|data:text|expression\(/i;

const ALLOWED_OUT = ['a', 'div', 'img'];
const ATTRS_OUT = [
  'href',
  'src',
  'alt',
  'title',
  'style',
  'target',
  'rel',
  'data-remote-src',
  'width',
  'height',
];

describe('sanitizeHtml', () => {
  const vectors = [
    '<img src=x onerror=alert(1)>',
    '<a href="jav&#x61;script:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<svg onload=alert(1)>',
    '<svg/onload=alert(1)>',
    '<scr<script>ipt>alert(1)</script>',
    '<<script>alert(1)//<</script>',
    '<!--><script>alert(1)</script>-->',
    '<!-- --!><script>alert(1)</script>',
    '<style>body{background:url(javascript:alert(1))}</style>',
    '<div style="width: expression(alert(1))">x</div>',
    '<div style="background:url(http://track.example/x.png)">x</div>',
    '<div style="behavior: url(x.htc)">x</div>',
    '<div style="color: red; -moz-binding: url(x)">x</div>',
    '<div style="w\\69 dth: expression(alert(1))">x</div>',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    '<IMG SRC="javascript:alert(1)">',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="pw"><button>Kirim</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/"><link rel="stylesheet" href="x.css">',
    '<img src="x" onerror\u0000=alert(1)>',
    '<scr\u0000ipt>alert(1)</scr\u0000ipt>',
    '<a href="java\u0000script:alert(1)">x</a>',
    '<div onmouseover="alert(1)" ONCLICK=alert(1)>x</div>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<textarea><script>alert(1)</script></textarea>',
    '<img src=x onerror=alert(1)',
    '<a href="https://ok.example" onclick="x()">ok</a',
  ];
  for (const v of vectors) {
    it(`neutralises ${JSON.stringify(v)}`, () => {
      const out = sanitizeHtml(v);
      expect(out).not.toMatch(DANGER);
      // No raw tag survives that the allow-list does not know.
      for (const m of out.matchAll(/<\/?([a-z0-9]+)/gi)) {
        expect(['a', 'div', 'p', 'img', 'b', 'span'])
          .withContext(out)
          .toContain(m[1].toLowerCase());
      }
    });
  }

  it('keeps ordinary mail formatting', () => {
    const html =
      '<table border="0" cellpadding="4"><tr><td style="color:#333;font-size:12pt;padding:4px">Isi <b>tebal</b></td></tr></table><p align="center">Halo&nbsp;&amp; selamat</p>';
    expect(sanitizeHtml(html)).toBe(
      '<table border="0" cellpadding="4"><tr><td style="color: #333; font-size: 12pt; padding: 4px">Isi <b>tebal</b></td></tr></table><p align="center">Halo\u00a0&amp; selamat</p>',
    );
  });

  it('opens links in a new tab without referrer', () => {
    expect(sanitizeHtml('<a href="https://jdih.baliprov.go.id/x?a=1&amp;b=2">JDIH</a>')).toBe(
      '<a href="https://jdih.baliprov.go.id/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">JDIH</a>',
    );
    expect(sanitizeHtml('<a href="mailto:a@b.go.id">m</a>')).toContain('href="mailto:a@b.go.id"');
    expect(sanitizeHtml('<a href="/admin/hapus">x</a>')).toBe('<a>x</a>');
  });

  it('blocks remote images unless allowed, maps cid: and keeps data:image', () => {
    expect(sanitizeHtml('<img src="https://t.example/p.gif" alt="logo">')).toBe(
      '<img alt="logo" data-remote-src="https://t.example/p.gif">',
    );
    expect(sanitizeHtml('<img src="https://t.example/p.gif">', { allowRemoteImages: true })).toBe(
      '<img src="https://t.example/p.gif">',
    );
    expect(
      sanitizeHtml('<img src="cid:foto1@x">', {
        resolveCid: (id) => (id === 'foto1@x' ? '/api/lampiran/9' : null),
      }),
    ).toBe('<img src="/api/lampiran/9">');
    expect(sanitizeHtml('<img src="cid:tidak-ada">', { resolveCid: () => null })).toBe('');
    expect(sanitizeHtml('<img src="cid:x">', { resolveCid: () => 'javascript:alert(1)' })).toBe('');
    expect(sanitizeHtml('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe(
      '<img src="data:image/png;base64,iVBORw0KGgo=">',
    );
  });

  it('closes what it opens and drops stray end tags', () => {
    expect(sanitizeHtml('<div><p>a<b>b</div></i>c')).toBe('<div><p>a<b>b</b></p></div>c');
  });

  it('escapes text so that re-parsing gives the same text', () => {
    expect(sanitizeHtml('1 < 2 && 3 > 2 "ok"')).toBe('1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;ok&quot;');
  });

  it('shows the body of a document whose <head> is never closed', () => {
    expect(sanitizeHtml('<html><head><title>x</title><body><p>Isi</p></body></html>')).toBe(
      '<p>Isi</p>',
    );
  });

  it('never lets dangerous markup through for random input (property)', () => {
    const pieces = fc.constantFrom(
      '<',
      '>',
      '/',
      '"',
      "'",
      '=',
      ' ',
      'script',
      'img',
      'a',
      'svg',
      'src',
      'href',
      'onerror',
      'style',
      'javascript:',
      'java&#x73;cript:',
      '&colon;',
      'alert(1)',
      '<!--',
      '-->',
      'expression(',
      '\u0000',
      'iframe',
      'x',
      'div',
      'on',
      'load',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const out = sanitizeHtml(parts.join(''));
        const tags = [...out.matchAll(/<(\/?)([^\s>/]+)([^>]*)>/g)];
        for (const [, , name, rest] of tags) {
          expect(ALLOWED_OUT).toContain(name);
          const attrs = [...rest.matchAll(/\s([a-z-]+)="([^"]*)"/g)];
          expect(rest.replace(/\s([a-z-]+)="([^"]*)"/g, '').trim()).toBe('');
          for (const [, attr, value] of attrs) {
            expect(ATTRS_OUT).toContain(attr);
            expect(value).not.toMatch(/^\s*(?:javascript|vbscript|data:text)|expression\(/i);
          }
        }
        // Outside the tags no '<' is left raw.
        expect(out.replace(/<(\/?)([^\s>/]+)([^>]*)>/g, '')).not.toContain('<');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sanitizeStyle', () => {
  it('keeps allowed properties and drops the rest', () => {
    expect(sanitizeStyle('color:red; position:fixed; top:0; font-weight:bold')).toBe(
      'color: red; font-weight: bold',
    );
    expect(sanitizeStyle('color:red;/* x */background:url(x)')).toBe('color: red');
    expect(sanitizeStyle('color:&#101;xpression(1)')).toBe('');
  });
});
