import { describe, expect, it } from 'vitest';
import { LogoDataUrl, MAX_LOGO_BYTES } from './publisher';

const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const dataUrl = (type: string, bytes: Buffer): string => `data:image/${type};base64,${bytes.toString('base64')}`;

describe('an organisation logo', () => {
  it('is a PNG or JPEG whose bytes say so, or none', () => {
    expect(LogoDataUrl.safeParse('').success).toBe(true);
    expect(LogoDataUrl.safeParse(dataUrl('png', PNG_HEAD)).success).toBe(true);
    expect(LogoDataUrl.safeParse(dataUrl('jpeg', JPEG_HEAD)).success).toBe(true);
  });

  it('refuses another type, a renamed file, an address and a file over the limit, without throwing', () => {
    expect(LogoDataUrl.safeParse(dataUrl('jpeg', PNG_HEAD)).success).toBe(false);
    expect(LogoDataUrl.safeParse(dataUrl('png', Buffer.from('<svg onload=alert(1)>'))).success).toBe(false);
    expect(LogoDataUrl.safeParse(`data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`).success).toBe(false);
    expect(LogoDataUrl.safeParse('https://example.org/logo.png').success).toBe(false);
    expect(LogoDataUrl.safeParse('data:image/png;base64,ab').success).toBe(false);
    expect(LogoDataUrl.safeParse(dataUrl('png', Buffer.concat([PNG_HEAD, Buffer.alloc(MAX_LOGO_BYTES)]))).success).toBe(false);
  });
});
