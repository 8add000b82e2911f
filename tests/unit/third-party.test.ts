import { describe, expect, it } from 'vitest';
import { foreignResourcesInCss, foreignResourcesInHtml, isForeign } from '../support/third-party.ts';

describe('third-party resources in built files', () => {
  it('tells local from foreign URLs', () => {
    expect(['/a.png', 'a.png', 'data:image/png;base64,x', '#x', '../x.css'].map(isForeign)).toEqual([false, false, false, false, false]);
    expect(['https://cdn.example/x.js', 'http://x/y', '//fonts.example/css', 'HTTPS://X'].map(isForeign)).toEqual([true, true, true, true]);
  });

  it('finds every kind of loaded resource and ignores plain links and metadata', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="https://fonts.example/css2">
      <link rel="icon" href="//cdn.example/favicon.ico">
      <link rel="canonical" href="https://ban-so.example.org/">
      <link rel="alternate" type="application/rss+xml" href="https://ban-so.example.org/rss.xml">
      <meta property="og:image" content="https://ban-so.example.org/og.png">
      <script src="https://analytics.example/a.js"></script>
      <style>@font-face { src: url("https://fonts.example/a.woff2") } body { background: url(/local.png) }</style>
    </head><body>
      <a href="https://dichvucong.gov.vn/">Cổng dịch vụ công</a>
      <img src="/ok.png" srcset="/ok-2x.png 2x, https://img.example/b.png 3x" alt="">
      <picture><source srcset="https://img.example/c.avif"></picture>
      <iframe src="https://video.example/embed"></iframe>
      <video poster="https://img.example/p.jpg"><source src="/v.mp4"></video>
      <audio src="https://audio.example/a.mp3"></audio>
      <object data="https://x.example/o.swf"></object>
      <div style="background-image: url('https://img.example/d.png')"></div>
    </body></html>`;
    expect(foreignResourcesInHtml(html)).toEqual([
      '<img srcset>: https://img.example/b.png',
      '<script src>: https://analytics.example/a.js',
      '<source srcset>: https://img.example/c.avif',
      '<iframe src>: https://video.example/embed',
      '<object data>: https://x.example/o.swf',
      '<video poster>: https://img.example/p.jpg',
      '<audio src>: https://audio.example/a.mp3',
      '<link rel=stylesheet>: https://fonts.example/css2',
      '<link rel=icon>: //cdn.example/favicon.ico',
      'css: https://fonts.example/a.woff2',
      'css: https://img.example/d.png',
    ]);
  });

  it('finds @import and url() in stylesheets', () => {
    expect(foreignResourcesInCss(`@import "https://fonts.example/x.css"; a { b: url(/_astro/f.woff2) } c { d: url( 'http://x.example/i.png' ) }`)).toEqual(['css: https://fonts.example/x.css', 'css: http://x.example/i.png']);
  });
});
