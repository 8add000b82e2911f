import { describe, expect, it } from 'vitest';
import { howToJsonLd, jsonLdText, placeJsonLd, webManifest } from '../../src/lib/share/structured-data.ts';
import { plainText, stepsFromMdx } from '../../src/lib/article/steps.ts';

describe('lesson steps for HowTo', () => {
  it('takes the numbered items inside <Steps>, as plain text, and nothing outside it', () => {
    const body = [
      '## Chuẩn bị',
      '',
      '1. Không phải bước: ngoài khối Steps.',
      '',
      '<Steps>',
      '',
      '1. Mở **CH Play**.',
      '2. Khi nhận <Term id="otp">mã kích hoạt</Term>, nhập mã',
      '   vào ô trống.',
      '3. Xem [hướng dẫn](https://example.org).',
      '',
      '</Steps>',
    ].join('\n');
    expect(stepsFromMdx(body)).toEqual(['Mở CH Play.', 'Khi nhận mã kích hoạt, nhập mã vào ô trống.', 'Xem hướng dẫn.']);
    expect(stepsFromMdx('không có bước nào')).toEqual([]);
    expect(stepsFromMdx('<Steps>\r\n1. Một\r\n2. Hai\r\n</Steps>\r\n<Steps>\n1. Ba\n</Steps>')).toEqual(['Một', 'Hai', 'Ba']);
  });

  it('numbers HowTo steps in order', () => {
    const data = howToJsonLd({ title: 'T', summary: 'S', url: 'https://x/', image: 'https://x/a.png', updated: new Date('2025-11-10T00:00:00Z'), minutes: 3, steps: ['a', 'b'] });
    expect(data['step']).toEqual([
      { '@type': 'HowToStep', position: 1, text: 'a' },
      { '@type': 'HowToStep', position: 2, text: 'b' },
    ]);
    expect(data['dateModified']).toBe('2025-11-10');
    expect(plainText('  a  <b>c</b> ')).toBe('a c');
    expect(plainText('tìm "VNeID" và "Zalo"')).toBe('tìm “VNeID” và “Zalo”');
  });
});

describe('JSON-LD text and manifest', () => {
  it('cannot close its script element', () => {
    const text = jsonLdText(placeJsonLd({ name: '</script><script>alert(1)</script>', url: 'https://x/', nowPartOf: [] }));
    expect(text).not.toContain('</script');
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script>');
  });

  it('names the place it became after the reform', () => {
    const data = placeJsonLd({ name: 'Xã Đại Dực', url: 'https://x/a/', parent: { name: 'Huyện Tiên Yên', url: 'https://x/b/' }, nowPartOf: [{ name: 'Xã Tiên Yên', url: 'https://x/c/' }] });
    expect(data['containedInPlace']).toMatchObject({ name: 'Huyện Tiên Yên' });
    expect(data['isPartOf']).toEqual([{ '@type': 'Place', name: 'Xã Tiên Yên', url: 'https://x/c/' }]);
  });

  it('describes an installable app with 192 and 512 px icons', () => {
    const manifest = webManifest({ name: 'Bản Số — x', shortName: 'Bản Số', description: 'd' });
    expect(manifest).toMatchObject({ short_name: 'Bản Số', start_url: '/', display: 'standalone' });
    expect((manifest['icons'] as Array<{ sizes: string }>).map((icon) => icon.sizes)).toEqual(['192x192', '512x512']);
  });
});
