import { isRedactable } from './secret-policy.js';

/**
 * Every spelling a secret value can take in output: as is, JSON-escaped (as it appears inside a JSON
 * string), URL-encoded, base64 of the value, and the part of base64 that the value fixes when it
 * follows other bytes (`user:secret` in a Basic `Authorization` header). Longest first, so a
 * spelling that contains another is replaced whole. Spellings shorter than the minimum are dropped.
 */
export function secretSpellings(secret: string): string[] {
  // A short value is not redacted in any spelling, even one that encoding makes longer.
  if (!isRedactable(secret)) return [];
  const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  for (const form of base64Spellings(secret)) forms.add(form);
  return [...forms].filter(isRedactable).sort((a, b) => b.length - a.length);
}

/**
 * Base64 spellings of `secret` after 0, 1 or 2 bytes of anything: base64 turns 3 bytes into 4
 * characters, so in `base64(prefix + secret)` the characters that only the secret's bits make depend
 * on the prefix's length modulo 3 alone. For each alignment this gives the characters fixed by the
 * secret, and those plus the padding when the secret ends the encoded text (as a Basic-auth password
 * does). With no prefix the second is the plain base64 of the value.
 */
function base64Spellings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Character i carries bits [6i, 6i + 6): only characters whose bits are all the secret's count.
    const first = Math.ceil((8 * offset) / 6);
    const last = Math.floor((8 * (offset + bytes.length)) / 6);
    forms.push(encoded.slice(first), encoded.slice(first, last));
  }
  return forms;
}
