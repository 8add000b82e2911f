// The allowlist over the real output (issue 23, item 4): real pages pass, hostile markup fails.
// tests/build/allowlist.test.ts runs the same function over every page of dist/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeUrl, normaliseUrl, outputProblems } from '../support/output-allowlist.ts';

const RULES = { site: 'https://ban-so.example.org/', searchPath: '/tim-kiem/' };
// Pages of a real build (SITE_URL unset), copied from dist/: a lesson, its leaflet, the search page.
const lesson = readFileSync('tests/fixtures/output/lesson.html', 'utf8');
const real = ['lesson', 'leaflet', 'search'].map((name) => [name, readFileSync(`tests/fixtures/output/${name}.html`, 'utf8')] as const);

/** The lesson page with some markup added inside <main>, as a contributed body would land. */
const inMain = (markup: string) => lesson.replace('</main>', `${markup}</main>`);
/** The lesson page with some markup added inside <head>. */
const inHead = (markup: string) => lesson.replace('</head>', `${markup}</head>`);

describe('outputProblems on real pages', () => {
  it.each(real)('passes the %s page as built', (_name, html) => {
    expect(outputProblems(html, RULES)).toEqual([]);
  });

  it('passes links to official sources, phone numbers and e-mail addresses', () => {
    const html = inMain('<p><a href="https://dichvucong.gov.vn/p/home/dvc-trang-chu.html">Cổng</a> <a href="http://evn.com.vn/">EVN</a> <a href="tel:113">113</a> <a href="mailto:bando@example.org">thư</a> <a href="#buoc-1">bước 1</a></p>');
    expect(outputProblems(html, RULES)).toEqual([]);
  });
});

describe('outputProblems on hostile markup (each must fail, naming what)', () => {
  const cases: Array<[what: string, html: string, expected: RegExp]> = [
    ['a meta refresh in the body', inMain('<meta http-equiv="refresh" content="0;url=https://evil.example/">'), /http-equiv other than the page's CSP.*refresh/],
    ['a meta refresh in <head>', inHead('<meta http-equiv="Refresh" content="0;url=https://evil.example/">'), /http-equiv/],
    ['a meta set-cookie', inHead('<meta http-equiv="set-cookie" content="a=b">'), /http-equiv/],
    ['a referrer meta', inHead('<meta name="referrer" content="unsafe-url">'), /<meta name="referrer">: not a meta our layouts write/],
    ['an og:image on another host', inHead('<meta property="og:image" content="https://evil.example/x.png">'), /og:image must be an absolute URL on https:\/\/ban-so\.example\.org/],
    ['a javascript: link', inMain('<a href="javascript:alert(1)">x</a>'), /javascript: URL runs code/],
    ['a javascript: link with an entity', inMain('<a href="jav&#x61;script&colon;alert(1)">x</a>'), /javascript: URL/],
    ['a javascript: link with a tab', inMain('<a href="java&Tab;script:alert(1)">x</a>'), /javascript: URL/],
    ['a javascript: link with leading spaces and a newline', inMain('<a href=" \njavascript:alert(1)">x</a>'), /javascript: URL/],
    ['a double-encoded javascript: link', inMain('<a href="javascript&amp;#58;alert(1)">x</a>'), /javascript: URL/],
    ['a vbscript: link', inMain('<a href="VBScript:x">x</a>'), /vbscript: URL/],
    ['a data: link', inMain('<a href="data:text/html,<script>alert(1)</script>">x</a>'), /data: URL/],
    ['an ftp: link', inMain('<a href="ftp://evil.example/">x</a>'), /ftp: URL/],
    ['a protocol-relative link', inMain('<a href="//evil.example/">x</a>'), /protocol-relative/],
    ['a backslash protocol-relative link', inMain('<a href="/\\evil.example/">x</a>'), /protocol-relative/],
    ['an image on another host', inMain('<img src="https://evil.example/x.png" alt="x">'), /<img src="https:\/\/evil\.example\/x\.png">: another host/],
    ['a protocol-relative image', inMain('<img src="//evil.example/x.png" alt="x">'), /protocol-relative/],
    ['a data: image', inMain('<img src="data:image/svg+xml,<svg/>" alt="x">'), /data: URL/],
    ['an srcset candidate on another host', inMain('<img src="/a.png" srcset="/a.png 1x, https://evil.example/b.png 2x" alt="x">'), /srcset.*another host/],
    ['an image inside <pre>', inMain('<pre><img src="//evil.example/x.png" alt=""></pre>'), /protocol-relative/],
    ['an image inside <noscript>', inMain('<noscript><img src="https://evil.example/x.png" alt=""></noscript>'), /another host/],
    ['a video poster', inMain('<video poster="https://evil.example/p.png"></video>'), /<video>: not an element.*\n<video poster="https:\/\/evil\.example\/p\.png">: another host/],
    ['an event handler', inMain('<p onclick="alert(1)">x</p>'), /<p onclick="alert\(1\)">: event handler/],
    ['an upper-case event handler on an image', inMain('<img src="/a.png" alt="" ONERROR="alert(1)">'), /ONERROR.*event handler/],
    ['a style attribute', inMain('<p style="color:red">x</p>'), /style attribute/],
    ['<base>', inHead('<base href="https://evil.example/">'), /<base>: not an element our templates write \(changes where/],
    ['<iframe>', inMain('<iframe src="/bai-hoc/"></iframe>'), /<iframe>: not an element/],
    ['<object>', inMain('<object data="https://evil.example/x.swf"></object>'), /<object>: not an element/],
    ['<embed>', inMain('<embed src="/x.swf">'), /<embed>: not an element/],
    ['an inline script', inMain('<script>alert(1)</script>'), /inline script/],
    ['an inline module script', inMain('<script type="module">alert(1)</script>'), /inline script/],
    ['a script on another host', inMain('<script type="module" src="https://evil.example/x.js"></script>'), /another host/],
    ['a classic script', inMain('<script src="/x.js"></script>'), /classic script/],
    ['JSON-LD that is not JSON', inHead('<script type="application/ld+json">alert(1)</script>'), /not JSON/],
    ['a stylesheet on another host', inHead('<link rel="stylesheet" href="https://evil.example/x.css">'), /another host/],
    ['a prefetch', inHead('<link rel="prefetch" href="/x">'), /rel="prefetch">: not a link our layouts write/],
    ['a canonical on another host', inHead('<link rel="canonical" href="https://evil.example/">'), /another host/],
    ['a form to another host', inMain('<form action="https://evil.example/" method="post"><input type="search" name="q"></form>'), /the only form is our search/],
    ['a form with no action', inMain('<form><input type="search" name="q"></form>'), /the only form is our search/],
    ['a formaction', inMain('<form action="/tim-kiem/"><button formaction="https://evil.example/">x</button></form>'), /formaction/],
    ['a password field', inMain('<form action="/tim-kiem/"><input type="password" name="p"></form>'), /only search boxes and checkboxes/],
    ['an SVG link to javascript:', inMain('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'), /xlink:href.*javascript: URL/],
    ['an SVG <use>', inMain('<svg><use href="https://evil.example/s.svg#x"></use></svg>'), /<use>: not an element/],
    ['an SVG <animate>', inMain('<svg><a href="/"><animate attributeName="href" to="javascript:alert(1)"/></a></svg>'), /<animate>: not an element/],
    ['a link that opens a window', inMain('<a href="/bai-hoc/" target="_blank">x</a>'), /attribute target/],
    ['a ping', inMain('<a href="/bai-hoc/" ping="https://evil.example/">x</a>'), /ping/],
    ['an unknown data attribute', inMain('<a href="/" data-save-offline data-evil="1">x</a>'), /data-evil/],
  ];

  it.each(cases)('%s', (_what, html, expected) => {
    const problems = outputProblems(html, RULES);
    expect(problems.join('\n')).toMatch(expected);
  });

  it('refuses a page without its CSP meta', () => {
    expect(outputProblems(lesson.replace(/<meta http-equiv="content-security-policy"[^>]*>/, ''), RULES)).toEqual(['<head>: no <meta http-equiv="content-security-policy"> (a page served without headers would be open)']);
  });
});

describe('judgeUrl', () => {
  it('tells fragments, this site, other hosts and refused schemes apart', () => {
    expect(judgeUrl('#x', RULES.site).kind).toBe('fragment');
    expect(judgeUrl('/bai-hoc/x/', RULES.site).kind).toBe('site');
    expect(judgeUrl('https://ban-so.example.org/tu-dien/', RULES.site).kind).toBe('site');
    expect(judgeUrl('https://ban-so.example.org.evil.example/', RULES.site)).toEqual({ kind: 'other-host', scheme: 'https:' });
    expect(judgeUrl('tel:113', RULES.site)).toEqual({ kind: 'other-host', scheme: 'tel:' });
    expect(judgeUrl('JaVaScRiPt:x', RULES.site).kind).toBe('refused');
    expect(normaliseUrl('\u0000 java\u00a0script:x')).toBe('javascript:x');
  });
});
